using Dapper;
using Northstar.Ingest.Square;
using Northstar.Testing;
using Northstar.Warehouse;
using Npgsql;

namespace Northstar.Ingest.Tests.Square;

/// <summary>
/// A migrated warehouse of the test's own: DuckDB in a temporary folder, or a PostgreSQL database
/// <c>ns_test_&lt;guid&gt;</c> on the test server; either is deleted afterwards.
/// </summary>
internal sealed class SquareTestWarehouse : IAsyncDisposable
{
    private readonly Func<Task> _cleanUp;

    private SquareTestWarehouse(IWarehouse warehouse, Func<Task> cleanUp)
    {
        Warehouse = warehouse;
        State = new SyncStateStore(warehouse);
        _cleanUp = cleanUp;
    }

    public IWarehouse Warehouse { get; }

    public SyncStateStore State { get; }

    public static async Task<SquareTestWarehouse> CreateAsync(EngineKind engine = EngineKind.DuckDb) =>
        engine == EngineKind.DuckDb ? await DuckDbAsync() : await PostgresAsync();

    public async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        await _cleanUp();
    }

    private static async Task<SquareTestWarehouse> DuckDbAsync()
    {
        var directory = Directory.CreateTempSubdirectory("ns-square-").FullName;
        var warehouse = WarehouseFactory.Create(new WarehouseOptions { Engine = "duckdb", DataDirectory = directory, Threads = 1 });
        await warehouse.MigrateAsync();
        return new SquareTestWarehouse(warehouse, () =>
        {
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<SquareTestWarehouse> PostgresAsync()
    {
        var server = TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG");
        var database = $"ns_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
            await admin.ExecuteAsync($"create database {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        var warehouse = WarehouseFactory.Create(new WarehouseOptions { Engine = "postgres", ConnectionString = connectionString });
        await warehouse.MigrateAsync();
        return new SquareTestWarehouse(warehouse, async () =>
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"drop database {database} with (force)");
        });
    }
}
