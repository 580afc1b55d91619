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
    /// <summary>
    /// A script function of a dashboard's section element (or null): whether it is there, ready, with every tile
    /// settled and every chart or map in a ready tile drawn. Shared with <see cref="InAppVisit"/>.
    /// </summary>
    public const string EveryTileDrawn = """
        section => {
          if (section === null) return false;
          const drawn = tile =>
            tile.dataset.state !== 'ready' || tile.dataset.vizType === 'kpi' || tile.dataset.vizType === 'table'
            || tile.querySelector("[data-viz][data-rendered='true']") !== null;
          const tiles = [...section.querySelectorAll('[data-tile]')];
          return tiles.length > 0 && tiles.every(tile => tile.dataset.state !== 'loading' && drawn(tile));
        }
        """;

    public const string Script = """
        (() => {
          const everyTileDrawn =
        """ + EveryTileDrawn + """
        ;
          const check = () => {
            if (everyTileDrawn(document.querySelector("section[data-dashboard-ready='true']"))) window.__dashboardRenderedAt = performance.now();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        })();
        """;

    /// <summary>Evaluates to the time noted, once there is one.</summary>
    public const string RenderedAt = "() => window.__dashboardRenderedAt";
}
