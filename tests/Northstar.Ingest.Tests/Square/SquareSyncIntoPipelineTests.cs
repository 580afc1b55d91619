using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Square;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Ingest.Tests.Square;

/// <summary>The connector through the real ingest pipeline into bronze, on both engines.</summary>
public sealed class SquareSyncIntoPipelineTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public Task Synced_orders_land_in_bronze_once_and_a_resumed_run_adds_no_duplicate_on_DuckDB() =>
        SyncedOrdersLandInBronzeOnce(EngineKind.DuckDb);

    [PostgresFact]
    public Task Synced_orders_land_in_bronze_once_and_a_resumed_run_adds_no_duplicate_on_PostgreSQL() =>
        SyncedOrdersLandInBronzeOnce(EngineKind.PostgreSql);

    private async Task SyncedOrdersLandInBronzeOnce(EngineKind engine)
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync(engine);
        var outage = true;
        await using var server = SquareTestServer.Start(call =>
            outage && call.Cursor == "CURSOR-2" ? new SquareReply(502) : RecordedSquare.Serve(call));
        var pipeline = warehouse.Pipeline;
        var options = new SquareOptions
        {
            BaseUrl = server.BaseUrl,
            AccessToken = "EAAAl-pipeline-token",
            LocationIds = ["L8RX2T4QZPM0D", "L1KW9B7E3ND5C", "LTOKYO6Q2X9B"],
            PageSize = 3,
            MaxAttempts = 2,
        };
        var sync = new SquareSync(_http, options, new IngestPipelineOrderSink(pipeline), new SyncStateStore(warehouse.Warehouse), NullLogger.Instance,
            (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<SquareSyncException>(() => sync.RunAsync());
        Assert.Equal(3, await SquareEventsInBronze(warehouse.Warehouse));

        outage = false;
        var resumed = await sync.RunAsync();

        Assert.Equal((3L, 1L, 0L), (resumed.Accepted, resumed.Duplicates, resumed.Invalid));
        Assert.Equal(6, await SquareEventsInBronze(warehouse.Warehouse));
    }

    private static async Task<long> SquareEventsInBronze(IWarehouse warehouse)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(*) from bronze.events where source = 'square' and entity = 'orders'");
    }
}
