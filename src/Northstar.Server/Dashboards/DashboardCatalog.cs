using Northstar.Core.Queries;
using Northstar.Server.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>
/// The dashboards as a caller sees them: a tile is shown only when the caller's scope can read what it shows and what
/// it exports. The rule is the compiler's own (the one GET /api/model follows to hide subjects): each spec is compiled
/// for the caller's scope, and one the compiler refuses, such as a subject without the scope column the caller's
/// restriction needs, leaves its tile out. Every spec compiled for an unrestricted scope at start-up, so a refusal
/// here comes from the scope.
/// </summary>
internal sealed class DashboardCatalog(LoadedDashboards dashboards, QueryService queries)
{
    /// <summary>The dashboards <paramref name="scope"/> can read at least one tile of, by order.</summary>
    public IReadOnlyList<DashboardSummary> List(QueryScope scope) =>
        [.. dashboards.All.Where(dashboard => Visible(dashboard, scope).Any()).Select(dashboard => dashboard.Response.Summary)];

    /// <summary>
    /// The dashboard of <paramref name="id"/> with the tiles <paramref name="scope"/> can read; null for an unknown id, and
    /// for a dashboard of which it can read no tile (the Technology dashboard, for anyone but a Super Admin).
    /// </summary>
    public DashboardResponse? Find(string id, QueryScope scope)
    {
        if (dashboards.Find(id) is not { } dashboard)
            return null;
        if (scope.IsUnrestricted)
            return dashboard.Response;

        var tiles = Visible(dashboard, scope).ToList();
        return tiles.Count == 0 ? null : dashboard.Response with { Tiles = tiles };
    }

    private IEnumerable<TileResponse> Visible(DashboardDefinition dashboard, QueryScope scope) =>
        scope.IsUnrestricted
            ? dashboard.Response.Tiles
            : dashboard.Response.Tiles.Where((_, index) =>
                CanRead(dashboard.Queries[index].Spec, scope) && CanRead(dashboard.Queries[index].Export, scope));

    private bool CanRead(QuerySpec spec, QueryScope scope)
    {
        try
        {
            queries.Compile(spec, scope);
            return true;
        }
        catch (QueryValidationException)
        {
            return false;
        }
    }
}
