using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// A dashboard in the browser, found by the attributes the UI keeps for this purpose (docs/dashboards.md): the root's
/// <c>data-dashboard-ready</c>, each tile's <c>data-tile</c> and <c>data-state</c>, KPI cards' <c>data-metric</c>
/// with the raw number in <c>data-value</c>.
/// </summary>
public sealed class DashboardPage(IPage page)
{
    // Generous: the machines are shared and noisy; a dashboard that never gets ready still fails.
    private const float Patience = 60_000;

    public IPage Page => page;

    public async Task OpenAsync(string id, string query = "")
    {
        await page.GotoAsync($"/dashboards/{id}{query}");
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// Waits until every tile has its answer (<c>data-dashboard-ready</c>) and every ready chart or map finished drawing:
    /// the chart code loads lazily, so a chart may not exist yet when the answers are in.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        await Expect(page.Locator("[data-dashboard-ready='true']")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await page.WaitForFunctionAsync(
            """
            () => [...document.querySelectorAll('[data-tile]')].every(tile =>
              tile.dataset.state !== 'ready' || tile.dataset.vizType === 'kpi' || tile.dataset.vizType === 'table'
              || tile.querySelector("[data-viz][data-rendered='true']") !== null)
            """,
            null,
            new() { Timeout = Patience });
    }

    public ILocator Tile(string id) => page.Locator($"[data-tile='{id}']");

    /// <summary>Each tile's id and state, in page order.</summary>
    public async Task<IReadOnlyList<(string Tile, string State)>> TileStatesAsync()
    {
        var tiles = await page.Locator("[data-tile]").AllAsync();
        var states = new List<(string, string)>();
        foreach (var tile in tiles)
            states.Add((await tile.GetAttributeAsync("data-tile") ?? "", await tile.GetAttributeAsync("data-state") ?? ""));
        return states;
    }

    /// <summary>Waits until the KPI card of <paramref name="metric"/> in <paramref name="tile"/> shows <paramref name="expected"/>
    /// (compared as numbers: the page holds a JavaScript number).</summary>
    public async Task ExpectKpiAsync(string tile, string metric, decimal expected)
    {
        var selector = $"[data-tile='{tile}'] [data-metric='{metric}']";
        try
        {
            await page.WaitForFunctionAsync(
                """
                ([selector, expected]) => {
                  const card = document.querySelector(selector);
                  if (!card || card.dataset.value === undefined || card.dataset.value === '') return false;
                  return Math.abs(Number(card.dataset.value) - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
                }
                """,
                new object[] { selector, (double)expected },
                new() { Timeout = Patience });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator(selector).GetAttributeAsync("data-value");
            Assert.Fail($"The {metric} card of tile {tile} shows {shown ?? "nothing"}, not {expected.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Saves a full-page screenshot as a test artifact (never committed): <c>$NORTHSTAR_TEST_SCREENSHOTS</c>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("NORTHSTAR_TEST_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "northstar-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>A number of an API answer (JSON number) as a decimal.</summary>
    public static decimal Number(JsonElement value) => value.GetDecimal();
}
