using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The real app on a real Kestrel socket (a free port on loopback, chosen by the OS), on embedded DuckDB in a
/// temp folder of its own, so a browser can load it. It starts with one Super Admin whose password the tests know,
/// and one webhook source the tests can sign events for.
/// </summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    /// <summary>The first Super Admin, created on the first start.</summary>
    public const string AdminEmail = "admin@northstar.local";

    public const string AdminPassword = "e2e-admin-password-only-for-tests";

    /// <summary>The webhook source whose events the tests sign (docs/ingest.md).</summary>
    public const string IngestSource = "e2e";

    public const string IngestSecret = "e2e-only-webhook-secret-0123456789abcdef";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "northstar-e2e", Guid.NewGuid().ToString("N"));

    public KestrelApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server and returns the address it listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Northstar:Database:Engine"] = "duckdb",
            ["Northstar:Database:DataDirectory"] = _dataDirectory,
            ["Northstar:Accounts:InitialAdminEmail"] = AdminEmail,
            ["Northstar:Accounts:InitialAdminPassword"] = AdminPassword,
            [$"Northstar:Ingest:Sources:{IngestSource}:Secret"] = IngestSecret,
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
