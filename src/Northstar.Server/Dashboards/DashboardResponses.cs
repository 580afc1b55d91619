using System.Text.Json;

namespace Northstar.Server.Dashboards;

/// <summary>One dashboard in <c>GET /api/dashboards</c>.</summary>
/// <param name="Id">The file name without <c>.yaml</c>.</param>
/// <param name="Title">Shown in the navigation and the page's heading.</param>
/// <param name="Description">A sentence under the title; null when the file has none.</param>
/// <param name="Order">The dashboards are listed by it.</param>
public sealed record DashboardSummary(string Id, string Title, string? Description, int Order);

/// <summary>A dashboard with its tiles (<c>GET /api/dashboards/{id}</c>), the tiles the caller's scope can read only.</summary>
/// <param name="Id">The file name without <c>.yaml</c>.</param>
/// <param name="Title">The page's heading.</param>
/// <param name="Description">A sentence under the title; null when the file has none.</param>
/// <param name="Order">The position in the list of dashboards.</param>
/// <param name="LiveIntervalSeconds">At most one live update per tile per this many seconds (the UI subscribes its tiles
/// with it; docs/live.md).</param>
/// <param name="BranchFilter">Whether the branch filter applies (false for dashboards of data without branches, such
/// as the server's own telemetry).</param>
/// <param name="Tiles">The tiles, in the file's order.</param>
public sealed record DashboardResponse(
    string Id, string Title, string? Description, int Order, int LiveIntervalSeconds, bool BranchFilter, IReadOnlyList<TileResponse> Tiles)
{
    /// <summary>The dashboard as the list shows it.</summary>
    public DashboardSummary Summary => new(Id, Title, Description, Order);
}

/// <summary>A tile: a query spec and how to show its answer.</summary>
/// <param name="Id">Unique within the dashboard; the id of its query in the batch request.</param>
/// <param name="Title">The tile's heading.</param>
/// <param name="Description">A sentence under the heading (a tooltip); null when none.</param>
/// <param name="Viz"><c>kpi</c>, <c>bar</c>, <c>hbar</c>, <c>bar_line</c>, <c>pie</c>, <c>heatmap</c>, <c>histogram</c>,
/// <c>funnel</c>, <c>table</c> or <c>map</c>.</param>
/// <param name="Position">Where it sits on the 12-column grid.</param>
/// <param name="Spec">The query spec, exactly as <c>POST /api/query</c> takes it.</param>
/// <param name="Export">The query spec of its CSV export: the tile's own, else the dashboard's, else <paramref name="Spec"/>.</param>
/// <param name="Options">Options of the visualization (docs/dashboards.md); an empty object when none.</param>
public sealed record TileResponse(
    string Id, string Title, string? Description, string Viz, TilePosition Position, JsonElement Spec, JsonElement Export, JsonElement Options);

/// <summary>A tile's place on the grid: column <paramref name="X"/> (0-11) and row <paramref name="Y"/> of its top-left
/// cell, its width <paramref name="W"/> in columns and its height <paramref name="H"/> in rows.</summary>
public sealed record TilePosition(int X, int Y, int W, int H)
{
    /// <summary>The columns of the grid.</summary>
    public const int Columns = 12;

    /// <summary>Whether the two tiles share a cell of the grid.</summary>
    public bool Overlaps(TilePosition other) =>
        X < other.X + other.W && other.X < X + W && Y < other.Y + other.H && other.Y < Y + H;
}
