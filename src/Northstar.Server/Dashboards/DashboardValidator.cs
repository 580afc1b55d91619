using System.Text.Json;
using System.Text.Json.Serialization;
using Northstar.Core.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>
/// Checks what a dashboard's tiles must be together (distinct ids, no two on the same cell of the grid) and compiles
/// every spec and export against the semantic model, so that a typo fails the start instead of reaching a user.
/// </summary>
internal static class DashboardValidator
{
    // As POST /api/query reads a spec (Queries/RequestJson.cs): web naming, and an unknown member is an error.
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The dashboard, or null when it has problems (added to <paramref name="errors"/>).</summary>
    /// <param name="dashboard">The dashboard as read.</param>
    /// <param name="compile">Compiles a spec (as the UI sends it, see <see cref="DashboardFilters"/>) as the query path
    /// does, for an unrestricted scope; throws <see cref="QueryValidationException"/> naming the fields at fault.</param>
    /// <param name="errors">Where problems are added.</param>
    public static DashboardDefinition? Validate(ParsedDashboard dashboard, Action<QuerySpec> compile, List<DashboardError> errors)
    {
        var before = errors.Count;
        void Error(string path, string message) => errors.Add(new DashboardError(dashboard.File, path, message));

        var ids = new Dictionary<string, ParsedTile>(StringComparer.Ordinal);
        foreach (var tile in dashboard.Tiles)
        {
            if (!ids.TryAdd(tile.Id, tile))
                Error($"{tile.Path}.id", $"The id '{tile.Id}' is used by {ids[tile.Id].Path} already; tile ids are unique in a dashboard.");
        }

        for (var i = 0; i < dashboard.Tiles.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (tile, earlier) = (dashboard.Tiles[i], dashboard.Tiles[j]);
                if (tile.Position.Overlaps(earlier.Position))
                    Error($"{tile.Path}.position", $"'{tile.Id}' overlaps {earlier.Path} ('{earlier.Id}') on the grid.");
            }
        }

        var dashboardExport = dashboard.Export is { } export ? Compile(export, "export") : null;
        var tiles = new List<TileResponse>();
        var queries = new List<TileQueries>();
        foreach (var tile in dashboard.Tiles)
        {
            var spec = Compile(tile.Spec, $"{tile.Path}.spec");
            var ownExport = tile.Export is { } tileExport ? Compile(tileExport, $"{tile.Path}.export") : null;
            if (spec is null || (tile.Export is not null && ownExport is null))
                continue;

            var (exportJson, exportSpec) = tile.Export is { } own ? (own, ownExport!)
                : dashboard.Export is { } shared && dashboardExport is not null ? (shared, dashboardExport)
                : (tile.Spec, spec);
            tiles.Add(new TileResponse(tile.Id, tile.Title, tile.Description, tile.Viz, tile.Position, tile.Spec, exportJson, tile.Options));
            queries.Add(new TileQueries(spec, exportSpec));
        }

        return errors.Count > before
            ? null
            : new DashboardDefinition(new DashboardResponse(
                dashboard.Id, dashboard.Title, dashboard.Description, dashboard.Order, dashboard.LiveIntervalSeconds, dashboard.BranchFilter, tiles), queries);

        QuerySpec? Compile(JsonElement json, string path)
        {
            QuerySpec? spec;
            try
            {
                spec = json.Deserialize<QuerySpec>(SpecJson);
            }
            catch (JsonException wrong)
            {
                Error(Field(path, wrong.Path), WithoutTypeNames(wrong.Message));
                return null;
            }

            // As the UI sends it: with the dashboard's range when it names none, then also with the branch filter (when the
            // dashboard has one).
            var sent = DashboardFilters.WithDefaultRange(spec!);
            try
            {
                compile(sent);
            }
            catch (QueryValidationException invalid)
            {
                foreach (var error in invalid.Errors)
                    Error(Field(path, error.Field), error.Message);
                return null;
            }

            if (!dashboard.BranchFilter)
                return sent;
            try
            {
                compile(DashboardFilters.WithBranchFilter(sent));
                return sent;
            }
            catch (QueryValidationException invalid)
            {
                Error(path, $"The dashboard's branch filter ({DashboardFilters.BranchMember}) cannot apply to this spec: " +
                            string.Join(" ", invalid.Errors.Select(error => error.Message)));
                return null;
            }
        }
    }

    // A JSON path ($.time.range) or a spec field (metrics[0]) inside the spec at path.
    private static string Field(string path, string? field)
    {
        var inner = field is null ? "" : field.StartsWith('$') ? field.TrimStart('$').TrimStart('.') : field;
        return inner.Length == 0 ? path : inner.StartsWith('[') ? path + inner : $"{path}.{inner}";
    }

    // System.Text.Json names .NET types ("... contained in type 'Northstar.Core.Queries.QuerySpec'"); the file's author
    // knows the spec's keys, not our types.
    private static string WithoutTypeNames(string message) =>
        message.Contains(" could not be mapped", StringComparison.Ordinal)
            ? "This key is not a member of a query spec here (docs/query-api.md lists them)."
            : "The value has the wrong type for this member of a query spec (docs/query-api.md).";
}
