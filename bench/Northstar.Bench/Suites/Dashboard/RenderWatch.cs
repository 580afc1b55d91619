namespace Northstar.Bench.Suites.Dashboard;

/// <summary>
/// A script run in every page before the app's own: it notes, on the page's clock (milliseconds since navigation
/// start), the first animation frame at which the dashboard is fully rendered — the UI's <c>data-dashboard-ready</c>
/// set, no tile loading, and in every ready tile that is a chart or the map (<c>data-viz-type</c>) the drawing finished
/// (<c>data-rendered</c>; the chart code loads lazily, so a chart may not even exist yet when the answers are in) — in
/// <c>window.__dashboardRenderedAt</c>.
/// Checking on every frame from the start, rather than polling from outside after the load event, times the moment
/// itself.
/// </summary>
internal static class RenderWatch
{
    public const string Script = """
        (() => {
          const drawn = tile =>
            tile.dataset.state !== 'ready' || tile.dataset.vizType === 'kpi' || tile.dataset.vizType === 'table'
            || tile.querySelector("[data-viz][data-rendered='true']") !== null;
          const rendered = () => {
            const tiles = [...document.querySelectorAll('[data-tile]')];
            return document.querySelector("[data-dashboard-ready='true']") !== null && tiles.length > 0
              && tiles.every(tile => tile.dataset.state !== 'loading' && drawn(tile));
          };
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
