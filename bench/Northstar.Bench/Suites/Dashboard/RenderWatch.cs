namespace Northstar.Bench.Suites.Dashboard;

/// <summary>
/// A script run in every page before the app's own: it notes, on the page's clock (milliseconds since navigation
/// start), the first animation frame at which the dashboard is fully rendered — the UI's <c>data-dashboard-ready</c>
/// set, no tile loading, every chart and the map drawn (<c>data-rendered</c>) — in <c>window.__dashboardRenderedAt</c>.
/// Checking on every frame from the start, rather than polling from outside after the load event, times the moment
/// itself.
/// </summary>
internal static class RenderWatch
{
    public const string Script = """
        (() => {
          const rendered = () =>
            document.querySelector("[data-dashboard-ready='true']") !== null
            && [...document.querySelectorAll('[data-tile]')].every(tile => tile.dataset.state !== 'loading')
            && [...document.querySelectorAll('[data-viz]')].every(viz => viz.dataset.rendered === 'true');
          const check = () => {
            if (rendered()) window.__dashboardRenderedAt = performance.now();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        })();
        """;

    /// <summary>Evaluates to the time noted, once there is one.</summary>
    public const string RenderedAt = "() => window.__dashboardRenderedAt";
}
