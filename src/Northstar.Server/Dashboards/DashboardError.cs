namespace Northstar.Server.Dashboards;

/// <summary>One problem of a dashboard file: the file (<c>dashboards/sales.yaml</c>), the path in it
/// (<c>tiles[2].spec.metrics[0]</c>; empty for the whole file) and what is wrong, in a sentence.</summary>
internal sealed record DashboardError(string File, string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? $"{File}: {Message}" : $"{File}: {Path}: {Message}";
}
