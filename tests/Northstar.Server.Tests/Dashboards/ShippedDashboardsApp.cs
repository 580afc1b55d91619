using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>The real app (embedded DuckDB, its own temp folder) serving the shipped dashboards, shared by a test class.</summary>
public sealed class ShippedDashboardsApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public ShippedDashboardsApp() => App = new NorthstarAppFactory(NorthstarAppFactory.DuckDbSettings(_folder.Path));

    public NorthstarAppFactory App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
