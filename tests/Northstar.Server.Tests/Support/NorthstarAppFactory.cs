using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// The real app, in memory, with the given settings layered over appsettings.json (they win over every other
/// source); <paramref name="configureServices"/> lets a test add to the app, e.g. a startup filter.
/// </summary>
public sealed class NorthstarAppFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Settings for embedded DuckDB with its data folder in <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> DuckDbSettings(string dataDirectory) => new()
    {
        ["Northstar:Database:Engine"] = "duckdb",
        ["Northstar:Database:DataDirectory"] = dataDirectory,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (configureServices is not null)
            builder.ConfigureServices(configureServices);
    }
}
