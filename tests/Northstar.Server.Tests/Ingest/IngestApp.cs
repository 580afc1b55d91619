using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Ingest;

/// <summary>
/// The real app on a warehouse of its own (a DuckDB temp folder, or a PostgreSQL database made for the test), with
/// one webhook source configured and the clock fixed at <see cref="Now"/>. <see cref="Client"/> is signed in as a Super
/// Admin, for the endpoints that need one (quality, queries); the webhooks themselves need no sign-in.
/// </summary>
public sealed class IngestApp : IAsyncDisposable
{
    public const string Source = "evergreen-pos";
    public const string Secret = "test-only-secret-0123456789abcdef0123456789";
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 19, 10, 0, TimeSpan.Zero);

    private readonly TempFolder? _folder;
    private readonly PostgresTestDatabase? _database;

    private IngestApp(NorthstarAppFactory factory, HttpClient client, TempFolder? folder, PostgresTestDatabase? database)
    {
        Factory = factory;
        Client = client;
        _folder = folder;
        _database = database;
    }

    public NorthstarAppFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<IngestApp> StartAsync(TestEngine engine, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var (settings, folder, database) = await NorthstarAppFactory.OwnWarehouseAsync(engine);

        settings[$"Northstar:Ingest:Sources:{Source}:Secret"] = Secret;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var factory = new NorthstarAppFactory(settings, services => services
            .AddSingleton<TimeProvider>(new FixedClock(Now)));
        return new IngestApp(factory, await factory.SignedInClientAsync(Role.SuperAdmin), folder, database);
    }

    /// <summary>Sends <paramref name="body"/> signed with the configured source's secret, at <see cref="Now"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string entity, string body, string? idempotencyKey = null) =>
        Client.SendAsync(SignedRequest.Create(entity, body, Source, Secret, Now, idempotencyKey));

    /// <summary>The rows of <paramref name="table"/> matching <paramref name="where"/>, counted through the app's warehouse.</summary>
    public async Task<long> CountAsync(string table, string where = "true")
    {
        var warehouse = Factory.Services.GetRequiredService<IWarehouse>();
        await using DbConnection connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"select count(*) from {table} where {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="sql"/> on the app's warehouse, as something other than the ingest API would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        var warehouse = Factory.Services.GetRequiredService<IWarehouse>();
        await using DbConnection connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until <paramref name="table"/> holds rows matching <paramref name="where"/>, for at most 60 seconds.</summary>
    public async Task WaitForRowsAsync(string table, string where, long expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var count = await CountAsync(table, where);
            if (count == expected)
                return;
            Assert.False(deadline.IsCancellationRequested, $"{table} where {where} holds {count} rows, not {expected}, after 60 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        _folder?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
