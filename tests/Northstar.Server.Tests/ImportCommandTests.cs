using Dapper;
using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests;

public sealed class ImportCommandTests
{
    // A branch's export with its own column names, semicolons, a decimal comma and local dates.
    private const string Orders = """
        OrderNo;Branch;When;Qty;Price;LineTotal;Total
        A-1;loc-1;20261101;2;3,50;7,00;17,00
        A-1;loc-1;20261101;1;10,00;10,00;17,00
        A-2;loc-1;20261102;1;5,25;5,25;5,25
        """;

    private static readonly string[] Mapping =
    [
        "--map", "id=OrderNo", "--map", "location_id=Branch", "--map", "ordered_at=When", "--map", "line_items.quantity=Qty",
        "--map", "line_items.unit_price=Price", "--map", "line_items.line_total=LineTotal", "--map", "total=Total",
        "--date-format", "yyyyMMdd", "--decimal-separator", ",", "--time-zone", "America/Chicago",
    ];

    [Fact]
    public async Task Importing_a_mapped_csv_twice_loads_gold_once()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var file = Path.Combine(folder.Path, "orders.csv");
        await File.WriteAllTextAsync(file, Orders);

        var first = await ServerProcess.RunAsync(folder.Path, ["import", "orders", file, .. Mapping, $"--Northstar:Database:DataDirectory={data}"]);
        var second = await ServerProcess.RunAsync(folder.Path, ["import", "orders", file, .. Mapping, $"--Northstar:Database:DataDirectory={data}"]);

        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("2 new, 0 already imported", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Contains("0 new, 2 already imported", second.Output, StringComparison.Ordinal);
        await using var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = data });
        await using var connection = await warehouse.OpenReadConnectionAsync();
        var lines = await connection.QuerySingleAsync<(long Lines, decimal Net)>(
            "select count(*), sum(net_amount) from gold.fact_sales");
        Assert.Equal(3, lines.Lines);
        Assert.Equal(22.25m, lines.Net);
    }

    [Fact]
    public async Task A_bad_row_fails_the_import_naming_file_line_and_column_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var file = Path.Combine(folder.Path, "orders.csv");
        await File.WriteAllTextAsync(file, Orders + "\nA-3;loc-1;yesterday;1;5,00;5,00;5,00\n");

        var failed = await ServerProcess.RunAsync(folder.Path, ["import", "orders", file, .. Mapping, $"--Northstar:Database:DataDirectory={data}"]);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("orders.csv:5: column 'When': 'yesterday' is not a date", failed.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Error, StringComparison.Ordinal);
        // Closed before the next import: DuckDB lets one process at a time open the file.
        await using (var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = data }))
        await using (var connection = await warehouse.OpenReadConnectionAsync())
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from bronze.events"));

        var skipped = await ServerProcess.RunAsync(folder.Path, ["import", "orders", file, .. Mapping, "--on-error", "skip", $"--Northstar:Database:DataDirectory={data}"]);

        Assert.True(skipped.ExitCode == 0, skipped.Error + skipped.Output);
        Assert.Contains("2 new, 0 already imported, 1 bad rows skipped", skipped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_entity_or_a_missing_file_is_a_one_line_error()
    {
        using var folder = new TempFolder();

        var entity = await ServerProcess.RunAsync(folder.Path, "import", "widgets", "x.csv");
        var missing = await ServerProcess.RunAsync(folder.Path, "import", "orders", Path.Combine(folder.Path, "nope.csv"));

        Assert.Equal(2, entity.ExitCode);
        Assert.StartsWith("import: unknown entity 'widgets'", entity.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.csv", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }
}
