using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Northstar.Testing;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The executive and sales dashboards on the demo company, in Chromium: every tile renders, the filters change the
/// numbers to what the query API answers for the same spec, a Manager sees only their branch, the CSV export adds up,
/// and a failing tile fails alone.
/// </summary>
public sealed class DashboardTests(DemoCompanyFixture fixture) : IClassFixture<DemoCompanyFixture>
{
    private static readonly string[] SalesKpis = ["orders", "revenue", "aov", "customers"];

    [BrowserFact]
    public Task The_executive_dashboard_renders_every_tile_with_data_in_both_themes() => EveryTileRendersAsync("executive");

    [BrowserFact]
    public Task The_sales_dashboard_renders_every_tile_with_data_in_both_themes() => EveryTileRendersAsync("sales");

    [BrowserFact]
    public async Task Each_quick_range_shows_the_kpis_the_query_api_gives_for_that_range()
    {
        var dashboard = new DashboardPage(await fixture.NewSignedInPageAsync());
        await dashboard.OpenAsync("sales");
        using var admin = await fixture.AdminAsync();

        foreach (var (button, preset) in new[] { ("7d", "last_7_days"), ("90d", "last_90_days"), ("ytd", "year_to_date"), ("30d", "last_30_days") })
        {
            await dashboard.Page.Locator($"[data-range='{button}']").ClickAsync();

            await Expect(dashboard.Page.Locator($"[data-range='{button}']")).ToHaveAttributeAsync("aria-pressed", "true");
            // The default range (30 days) is the address without a range.
            if (button == "30d")
                Assert.DoesNotContain("range=", dashboard.Page.Url, StringComparison.Ordinal);
            else
                Assert.Contains($"range={button}", dashboard.Page.Url, StringComparison.Ordinal);
            var expected = await SalesKpisAsync(admin, new { preset }, branch: null);
            foreach (var metric in SalesKpis)
                await dashboard.ExpectKpiAsync("kpis", metric, expected[metric]);
        }
    }

    [BrowserFact]
    public async Task The_branch_filter_shows_that_branchs_kpis_and_a_link_reproduces_the_view()
    {
        var dashboard = new DashboardPage(await fixture.NewSignedInPageAsync());
        await dashboard.OpenAsync("sales");
        using var admin = await fixture.AdminAsync();
        var branch = fixture.Branches[0];

        await dashboard.Page.GetByTestId("location-filter").SelectOptionAsync(branch.Id);

        var expected = await SalesKpisAsync(admin, new { preset = "last_30_days" }, branch.Id);
        foreach (var metric in SalesKpis)
            await dashboard.ExpectKpiAsync("kpis", metric, expected[metric]);
        Assert.Contains($"location={branch.Id}", dashboard.Page.Url, StringComparison.Ordinal);

        // The same address in a new page shows the same view: 90 days of that branch.
        var link = new DashboardPage(await fixture.NewSignedInPageAsync());
        await link.OpenAsync("sales", $"?range=90d&location={Uri.EscapeDataString(branch.Id)}");
        await Expect(link.Page.Locator("[data-range='90d']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(link.Page.GetByTestId("location-filter")).ToHaveValueAsync(branch.Id);
        var ninetyDays = await SalesKpisAsync(admin, new { preset = "last_90_days" }, branch.Id);
        await link.ExpectKpiAsync("kpis", "revenue", ninetyDays["revenue"]);
    }

    [BrowserFact]
    public async Task A_manager_sees_only_their_branch_in_the_filter_and_in_the_numbers()
    {
        var dashboard = new DashboardPage(await fixture.NewPageSignedInAsAsync(DemoCompanyFixture.ManagerEmail));
        await dashboard.OpenAsync("sales");

        var branchOptions = await dashboard.Page.GetByTestId("location-filter").Locator("option").EvaluateAllAsync<string[]>(
            "options => options.map(option => option.value).filter(value => value !== '')");
        Assert.Equal([fixture.ManagerBranch.Id], branchOptions);
        // The Manager's unfiltered numbers are the numbers of their branch, as a Super Admin sees them filtered to it.
        using var admin = await fixture.AdminAsync();
        var expected = await SalesKpisAsync(admin, new { preset = "last_30_days" }, fixture.ManagerBranch.Id);
        foreach (var metric in SalesKpis)
            await dashboard.ExpectKpiAsync("kpis", metric, expected[metric]);
    }

    [BrowserFact]
    public async Task The_csv_export_of_a_tile_adds_up_to_the_tiles_totals()
    {
        var dashboard = new DashboardPage(await fixture.NewSignedInPageAsync());
        await dashboard.OpenAsync("sales");
        using var admin = await fixture.AdminAsync();
        var expected = await SalesKpisAsync(admin, new { preset = "last_30_days" }, branch: null);
        var units = await TotalAsync(admin, new { metrics = new[] { "units" }, time = new { range = new { preset = "last_30_days" } } }, "units");

        var download = await dashboard.Page.RunAndWaitForDownloadAsync(
            () => dashboard.Tile("kpis").Locator("[data-action='export']").ClickAsync());
        var path = await download.PathAsync();
        var table = CsvTable.Read(await File.ReadAllTextAsync(path!));

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(["Order date", "Branch", "Product", "Units", "Revenue", "Orders"], table.Header);
        Assert.Equal(expected["revenue"], table.Sum("Revenue"));
        Assert.Equal(units, table.Sum("Units"));
    }

    [BrowserFact]
    public async Task A_viewer_gets_no_export_button()
    {
        var dashboard = new DashboardPage(await fixture.NewPageSignedInAsAsync(DemoCompanyFixture.ViewerEmail));
        await dashboard.OpenAsync("sales");

        await Expect(dashboard.Tile("kpis")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(dashboard.Page.Locator("[data-action='export']")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_tile_whose_query_fails_shows_its_error_while_the_others_render_and_retry_recovers_it()
    {
        var page = await fixture.NewSignedInPageAsync();
        // The server refuses the top products' query (an unknown metric): its answer line is an error line.
        await page.RouteAsync("**/api/query/batch", async route =>
        {
            var body = JsonNode.Parse(route.Request.PostData!)!;
            foreach (var query in body["queries"]!.AsArray())
            {
                if ((string?)query!["id"] == "top_products")
                    query["spec"]!["metrics"] = new JsonArray("no_such_metric");
            }

            await route.ContinueAsync(new RouteContinueOptions { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });
        // Without live updates: a live snapshot of the tile's true spec would fill it (as it should after a passing failure).
        await page.RouteAsync("**/hubs/live/negotiate**", route => route.AbortAsync());
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync("sales");

        var states = await dashboard.TileStatesAsync();
        Assert.Equal("error", states.Single(tile => tile.Tile == "top_products").State);
        Assert.All(states.Where(tile => tile.Tile != "top_products"), tile => Assert.Equal("ready", tile.State));
        await Expect(dashboard.Tile("top_products")).ToContainTextAsync("no_such_metric");

        await page.UnrouteAllAsync();
        await dashboard.Tile("top_products").Locator("[data-action='retry']").ClickAsync();
        await Expect(dashboard.Tile("top_products")).ToHaveAttributeAsync("data-state", "ready");
    }

    [BrowserFact]
    public async Task The_technology_dashboard_shows_the_servers_own_health_to_a_super_admin_without_a_branch_filter()
    {
        var dashboard = new DashboardPage(await fixture.NewSignedInPageAsync());

        await dashboard.OpenAsync("technology");

        await Expect(dashboard.Page.GetByTestId("location-filter")).ToHaveCountAsync(0);
        var states = await dashboard.TileStatesAsync();
        Assert.All(states, tile => Assert.True(tile.State is "ready" or "empty", $"Tile {tile.Tile} is {tile.State}."));
        // This page's own requests are written within seconds (Northstar:Telemetry:FlushSeconds) and pushed to it live.
        await dashboard.Page.WaitForFunctionAsync(
            "() => Number(document.querySelector(\"[data-tile='kpis'] [data-metric='requests']\")?.dataset.value ?? 0) > 0",
            null, new() { Timeout = 60_000 });
        await Expect(dashboard.Tile("traffic")).ToHaveAttributeAsync("data-state", "ready");
        await dashboard.ScreenshotAsync("technology");
    }

    private async Task EveryTileRendersAsync(string id)
    {
        using var admin = await fixture.AdminAsync();
        var definition = await admin.GetAsync<JsonElement>($"/api/dashboards/{id}");
        var tiles = definition.GetProperty("tiles").EnumerateArray().ToList();
        var dashboard = new DashboardPage(await fixture.NewSignedInPageAsync());

        await dashboard.OpenAsync(id);

        var states = await dashboard.TileStatesAsync();
        Assert.Equal(tiles.Select(tile => tile.GetProperty("id").GetString()!).Order(), states.Select(tile => tile.Tile).Order());
        Assert.All(states, tile => Assert.True(tile.State == "ready", $"Tile {tile.Tile} is {tile.State}, not ready."));
        // Every chart and the map drew (the page waited for those that exist; here: that each chart tile has one).
        var charts = tiles.Count(tile => tile.GetProperty("viz").GetString() is not ("kpi" or "table"));
        await Expect(dashboard.Page.Locator("[data-viz][data-rendered='true']")).ToHaveCountAsync(charts, new() { Timeout = 60_000 });
        var firstTheme = await ThemeAsync(dashboard.Page);
        await dashboard.ScreenshotAsync($"{id}-{firstTheme}");

        await dashboard.Page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(dashboard.Page.Locator("html")).Not.ToHaveAttributeAsync("data-theme", firstTheme);
        await Expect(dashboard.Page.Locator("[data-viz][data-rendered='true']")).ToHaveCountAsync(charts, new() { Timeout = 60_000 });
        await dashboard.ScreenshotAsync($"{id}-{await ThemeAsync(dashboard.Page)}");
    }

    private static Task<string> ThemeAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.documentElement.dataset.theme ?? 'light'");

    /// <summary>The sales dashboard's KPI totals as <c>POST /api/query</c> answers them for the same spec.</summary>
    private static async Task<Dictionary<string, decimal>> SalesKpisAsync(ApiSession session, object range, string? branch)
    {
        var spec = new Dictionary<string, object>
        {
            ["metrics"] = SalesKpis,
            ["compare"] = "previous_period",
            ["time"] = new { range },
        };
        if (branch is not null)
            spec["filters"] = new[] { new { member = "location_id", op = "equals", values = new[] { branch } } };
        var answer = await session.PostAsync<JsonElement>("/api/query", spec);
        return SalesKpis.ToDictionary(metric => metric, metric => DashboardPage.Number(answer.GetProperty("totals").GetProperty(metric)));
    }

    private static async Task<decimal> TotalAsync(ApiSession session, object spec, string metric)
    {
        var answer = await session.PostAsync<JsonElement>("/api/query", spec);
        return DashboardPage.Number(answer.GetProperty("totals").GetProperty(metric));
    }
}
