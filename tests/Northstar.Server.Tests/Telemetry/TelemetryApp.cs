using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Queries;
using Northstar.Server.Telemetry;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Telemetry;

/// <summary>
/// The real app on a warehouse of its own, with request telemetry on (the background write every hour only, so that
/// tests write the queue when they choose with <see cref="FlushAsync"/>) and node <see cref="Node"/>.
/// <see cref="Admin"/> is signed in as a Super Admin: the telemetry subjects are for Super Admins only. The app also has
/// <see cref="ThrowingEndpoint"/>, whose exception the client gets as a 500.
/// </summary>
public sealed class TelemetryApp : IAsyncDisposable
{
    public const string Node = "node-a";

    private readonly TempFolder? _folder;
    private readonly PostgresTestDatabase? _database;

    private TelemetryApp(NorthstarAppFactory factory, HttpClient admin, TempFolder? folder, PostgresTestDatabase? database)
    {
        Factory = factory;
        Admin = admin;
        _folder = folder;
        _database = database;
    }

    public NorthstarAppFactory Factory { get; }

    public HttpClient Admin { get; }

    public IWarehouse Warehouse => Factory.Services.GetRequiredService<IWarehouse>();

    public static async Task<TelemetryApp> StartAsync(TestEngine engine, bool recordRequests = true)
    {
        var (settings, folder, database) = await NorthstarAppFactory.OwnWarehouseAsync(engine);
        settings["Northstar:Telemetry:Enabled"] = recordRequests ? "true" : "false";
        settings["Northstar:Telemetry:Node"] = Node;
        settings["Northstar:Telemetry:FlushSeconds"] = "3600";
        var factory = new NorthstarAppFactory(settings, services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        return new TelemetryApp(factory, await factory.SignedInClientAsync(Role.SuperAdmin), folder, database);
    }

    /// <summary>Writes the requests recorded so far to gold.fact_requests; returns how many.</summary>
    internal Task<int> FlushAsync() => Factory.Services.GetRequiredService<TelemetryWriter>().FlushAsync(CancellationToken.None);

    /// <summary>A store writing as <paramref name="node"/> into the app's warehouse, in the model's time zone.</summary>
    internal TelemetryStore StoreFor(string node) =>
        new(Warehouse, Factory.Services.GetRequiredService<LoadedModel>(), node);

    /// <summary>POST /api/query as the Super Admin: the answer, which must be 200.</summary>
    public async Task<JsonElement> QueryAsync(string spec)
    {
        using var content = new StringContent(spec, System.Text.Encoding.UTF8, "application/json");
        return await HttpAssert.JsonAsync(await Admin.PostAsync(new Uri("/api/query", UriKind.Relative), content), HttpStatusCode.OK);
    }

    /// <summary>The total of <paramref name="metric"/> in <paramref name="answer"/>, null when it is null.</summary>
    public static double? Total(JsonElement answer, string metric) =>
        answer.GetProperty("totals").GetProperty(metric) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    /// <summary>The rows of <paramref name="answer"/> as name → value maps (numbers as double, the rest as text).</summary>
    public static List<Dictionary<string, object?>> Rows(JsonElement answer)
    {
        var columns = answer.GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("name").GetString()!).ToList();
        return [.. answer.GetProperty("rows").EnumerateArray().Select(row => columns
            .Select((name, i) => (name, value: row[i]))
            .ToDictionary(cell => cell.name, cell => cell.value.ValueKind switch
            {
                JsonValueKind.Number => (object?)cell.value.GetDouble(),
                JsonValueKind.Null => null,
                _ => cell.value.ToString(),
            }))];
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        _folder?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
