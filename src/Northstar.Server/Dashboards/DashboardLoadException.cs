namespace Northstar.Server.Dashboards;

/// <summary>The dashboards cannot be loaded: the message lists every problem, each naming its file and path.</summary>
public sealed class DashboardLoadException : Exception
{
    public DashboardLoadException()
    {
    }

    public DashboardLoadException(string message)
        : base(message)
    {
    }

    public DashboardLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Each problem on its own (<c>dashboards/sales.yaml: tiles[2].viz: ...</c>); empty when the folder itself is the problem.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
