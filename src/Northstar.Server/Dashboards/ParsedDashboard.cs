using System.Text.Json;

namespace Northstar.Server.Dashboards;

/// <summary>
/// A dashboard file as read (its id is the file name without <c>.yaml</c>; its file is named as errors name it,
/// <c>dashboards/sales.yaml</c>), before its tiles are checked against each other and against the model.
/// </summary>
internal sealed record ParsedDashboard(
    string Id, string File, string Title, string? Description, int Order, int LiveIntervalSeconds, bool BranchFilter,
    JsonElement? Export, IReadOnlyList<ParsedTile> Tiles);

/// <summary>A tile as read, with its place in the file's <c>tiles</c> (its index) for error paths.</summary>
internal sealed record ParsedTile(
    int Index, string Id, string Title, string? Description, string Viz, TilePosition Position, JsonElement Spec,
    JsonElement? Export, JsonElement Options)
{
    /// <summary>The tile's path in its file: <c>tiles[2]</c>.</summary>
    public string Path => $"tiles[{Index}]";
}
