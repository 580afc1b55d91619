namespace Northstar.Server.Dashboards;

/// <summary>The dashboards this server serves, loaded and validated at start-up, in their order (then by id).</summary>
internal sealed class LoadedDashboards(IReadOnlyList<DashboardDefinition> dashboards)
{
    private readonly Dictionary<string, DashboardDefinition> _byId = dashboards.ToDictionary(d => d.Response.Id, StringComparer.Ordinal);

    /// <summary>Every dashboard, by order then id.</summary>
    public IReadOnlyList<DashboardDefinition> All { get; } =
        [.. dashboards.OrderBy(d => d.Response.Order).ThenBy(d => d.Response.Id, StringComparer.Ordinal)];

    /// <summary>The dashboard of <paramref name="id"/>, or null.</summary>
    public DashboardDefinition? Find(string id) => _byId.GetValueOrDefault(id);
}
