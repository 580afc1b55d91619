using Northstar.Ingest.Files;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Testing;

namespace Northstar.Ingest.Tests.Files;

/// <summary>Files read by <see cref="FileImportReader"/> and accepted by the real pipeline, on both engines.</summary>
public sealed class FileIngestTests : IDisposable
{
    private const string Orders = """
        OrderNo;Branch;Date;Qty;Price;Amount
        A1;L1;20260301 10:00;2;2,50;5,00
        A1;L1;20260301 10:00;1;4,00;4,00
        ;L2;20260302 11:30;1;9,99;9,99
        """;

    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public Task A_file_imported_twice_changes_nothing_the_second_time_on_duckdb() => Engines.OnDuckDbAsync(ImportedTwice);

    [PostgresFact]
    public Task A_file_imported_twice_changes_nothing_the_second_time_on_postgres() => Engines.OnPostgresAsync(ImportedTwice);

    [Fact]
    public Task Under_skip_the_good_rows_of_a_file_with_a_bad_row_are_written_on_duckdb() => Engines.OnDuckDbAsync(SkipWritesTheRest);

    private async Task ImportedTwice(PipelineWarehouse warehouse)
    {
        var path = _folder.Write("orders.csv", Orders);

        var first = await ImportAsync(warehouse, path, BadRowPolicy.Fail);
        var second = await ImportAsync(warehouse, path, BadRowPolicy.Fail);
        await warehouse.Pipeline.ProcessPendingAsync();

        Assert.Equal((2L, 0L, 0L), (first.Accepted, first.Duplicates, first.Invalid));
        Assert.Equal((0L, 2L, 0L), (second.Accepted, second.Duplicates, second.Invalid));
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("select count(*) from silver.orders"));
        Assert.Equal(3L, await warehouse.ScalarAsync<long>("select count(*) from silver.order_lines"));
    }

    private async Task SkipWritesTheRest(PipelineWarehouse warehouse)
    {
        var path = _folder.Write("orders.csv", Orders + "\nA3;L1;20260399 10:00;1;1,00;1,00\n");

        var failed = await Assert.ThrowsAsync<FileImportException>(() => ImportAsync(warehouse, path, BadRowPolicy.Fail));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
        var skipped = await ImportAsync(warehouse, path, BadRowPolicy.Skip);

        Assert.Contains("1 bad row", failed.Message, StringComparison.Ordinal);
        Assert.Equal(2L, skipped.Accepted);
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
    }

    private static async Task<BulkOutcome> ImportAsync(PipelineWarehouse warehouse, string path, BadRowPolicy onError)
    {
        var options = new FileImportOptions
        {
            Entity = EntityKind.Orders,
            Mappings = ColumnMappings.Parse([
                "order_id=OrderNo", "location_id=Branch", "ordered_at=Date",
                "line_items.quantity=Qty", "line_items.unit_price=Price", "line_items.line_total=Amount",
            ]),
            DateFormat = "yyyyMMdd HH:mm",
            DecimalSeparator = ',',
            TimeZone = "Europe/Berlin",
            OnError = onError,
        };
        var result = await FileImportReader.ReadAsync(path, options);
        return await warehouse.Pipeline.AcceptBulkAsync("file", EntityKind.Orders, result.ReadEventsAsync());
    }
}
