using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Tests.Ingest;
using Northstar.Testing;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// The real app, in memory, with the given settings layered over appsettings.json (they win over every other
/// source); <paramref name="configureServices"/> lets a test add to the app, e.g. a startup filter. The dashboards'
/// warm-up is off unless the settings turn it on: tests count cache hits and query executions of their own.
/// </summary>
public sealed class NorthstarAppFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The setting that turns the dashboards' warm-up at start on or off.</summary>
    public const string WarmUpSetting = "Northstar:Query:WarmUpDashboards";

    /// <summary>Settings for embedded DuckDB with its data folder in <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> DuckDbSettings(string dataDirectory) => new()
    {
        ["Northstar:Database:Engine"] = "duckdb",
        ["Northstar:Database:DataDirectory"] = dataDirectory,
    };

    /// <summary>Settings for the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> PostgresSettings(string connectionString) => new()
    {
        ["Northstar:Database:Engine"] = "postgres",
        ["Northstar:Database:ConnectionString"] = connectionString,
    };

    /// <summary>
    /// A warehouse of the test's own on <paramref name="engine"/> (a data folder or a database, for the caller to dispose)
    /// and the settings that point the app at it.
    /// </summary>
    public static async Task<(Dictionary<string, string?> Settings, TempFolder? Folder, PostgresTestDatabase? Database)> OwnWarehouseAsync(
        TestEngine engine)
    {
        if (engine == TestEngine.DuckDb)
        {
            var folder = new TempFolder();
            return (DuckDbSettings(folder.Path), folder, null);
        }

        var database = await PostgresTestDatabase.CreateAsync();
        return (PostgresSettings(database.ConnectionString), null, database);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?> { [WarmUpSetting] = "false" })
            .AddInMemoryCollection(settings));
        if (configureServices is not null)
            builder.ConfigureServices(configureServices);
    }
}
