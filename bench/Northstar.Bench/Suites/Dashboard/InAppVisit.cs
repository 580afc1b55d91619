using Microsoft.Playwright;

namespace Northstar.Bench.Suites.Dashboard;

/// <summary>
/// A dashboard opened from inside the app, as a person moves between dashboards: in a tab showing another dashboard,
/// a click on the dashboard's link in the navigation, timed from the click to every tile of the new dashboard drawn
/// (<see cref="RenderWatch.EveryTileDrawn"/>, on the page's clock). The app, its chart code and the answers are
/// loaded already: this is the warmest visit there is.
/// </summary>
internal sealed class InAppVisit(IPage page)
{
    private const float Patience = 600_000;

    // Armed before the click: a listener that runs first on the link notes the click's time, then checks every frame
    // until the dashboard's own section is ready with every tile settled and drawn.
    private const string Arm = """
        dashboard => {
          window.__inAppStart = null;
          window.__inAppRendered = null;
          const everyTileDrawn =
        """ + RenderWatch.EveryTileDrawn + """
        ;
          const check = () => {
            if (everyTileDrawn(document.querySelector(`section[data-dashboard='${dashboard}'][data-dashboard-ready='true']`)))
              window.__inAppRendered = performance.now();
            else requestAnimationFrame(check);
          };
          document.querySelector(`a.nav-link[href='/dashboards/${dashboard}']`).addEventListener('click', () => {
            window.__inAppStart = performance.now();
            requestAnimationFrame(check);
          }, { once: true, capture: true });
        }
        """;

    /// <summary>Opens <paramref name="dashboard"/> in a new tab, the way a person starts their day.</summary>
    public static async Task<InAppVisit> OpenAsync(IBrowserContext context, string dashboard)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/dashboards/{dashboard}");
        await page.WaitForFunctionAsync(RenderWatch.RenderedAt, null, new PageWaitForFunctionOptions { Timeout = Patience });
        return new InAppVisit(page);
    }

    /// <summary>Goes to <paramref name="from"/> through the navigation, then times the way back to <paramref name="dashboard"/>.</summary>
    public async Task<TimeSpan> TimeAsync(string dashboard, string from, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await page.ClickAsync(NavLink(from));
        await page.WaitForSelectorAsync($"section[data-dashboard='{from}'][data-dashboard-ready='true']",
                                        new PageWaitForSelectorOptions { Timeout = Patience });
        await page.EvaluateAsync(Arm, dashboard);
        await page.ClickAsync(NavLink(dashboard));
        await page.WaitForFunctionAsync("() => window.__inAppRendered", null, new PageWaitForFunctionOptions { Timeout = Patience });
        return TimeSpan.FromMilliseconds(await page.EvaluateAsync<double>("() => window.__inAppRendered - window.__inAppStart"));
    }

    public Task CloseAsync() => page.CloseAsync();

    private static string NavLink(string dashboard) => $"a.nav-link[href='/dashboards/{dashboard}']";
}
