using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Ingest.Pipeline;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Ingest.Tests.Pipeline;

/// <summary>
/// A migrated warehouse of the test's own (a DuckDB file in a temp folder, or a fresh PostgreSQL database dropped
/// afterwards) with its pipeline. Each scenario runs once per engine: a plain [Fact] for DuckDB and a [PostgresFact].
/// </summary>
public sealed class PipelineWarehouse : IAsyncDisposable
{
    private readonly Func<Task> _cleanUp;

    private PipelineWarehouse(IWarehouse warehouse, Func<Task> cleanUp)
    {
        Warehouse = warehouse;
        Pipeline = new IngestPipeline(warehouse, NullLoggerFactory.Instance);
        _cleanUp = cleanUp;
    }

    public IWarehouse Warehouse { get; }

    public IngestPipeline Pipeline { get; }

    /// <summary>Creates one on the given engine.</summary>
    public static Task<PipelineWarehouse> CreateAsync(EngineKind engine = EngineKind.DuckDb) =>
        engine == EngineKind.DuckDb ? DuckDbAsync() : PostgresAsync();

    public static async Task<PipelineWarehouse> DuckDbAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ns-ingest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var warehouse = WarehouseFactory.Create(new WarehouseOptions { Engine = "duckdb", DataDirectory = folder, Threads = 1 });
        await warehouse.MigrateAsync();
        return new PipelineWarehouse(warehouse, () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static async Task<PipelineWarehouse> PostgresAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var warehouse = WarehouseFactory.Create(new WarehouseOptions { Engine = "postgres", ConnectionString = database.ConnectionString });
        await warehouse.MigrateAsync();
        return new PipelineWarehouse(warehouse, async () => await database.DisposeAsync());
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Warehouse.OpenWriteConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await Warehouse.OpenWriteConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using DbConnection connection = await Warehouse.OpenWriteConnectionAsync();
        await connection.ExecuteAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        Pipeline.Dispose();
        await Warehouse.DisposeAsync();
        await _cleanUp();
    }
}
