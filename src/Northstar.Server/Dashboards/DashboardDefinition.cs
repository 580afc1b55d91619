using Northstar.Core.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>A dashboard loaded and validated at start-up: what the API serves, and each tile's queries.</summary>
/// <param name="Response">The dashboard with every tile, as a Super Admin sees it.</param>
/// <param name="Queries">The queries of each tile, in the order of <see cref="DashboardResponse.Tiles"/>.</param>
internal sealed record DashboardDefinition(DashboardResponse Response, IReadOnlyList<TileQueries> Queries);

/// <summary>
/// A tile's queries as the UI sends them with the default filters (<see cref="DashboardFilters"/>): what the caller's
/// scope must be able to read for the tile to be shown.
/// </summary>
/// <param name="Spec">The tile's spec.</param>
/// <param name="Export">The spec its export runs.</param>
internal sealed record TileQueries(QuerySpec Spec, QuerySpec Export);
