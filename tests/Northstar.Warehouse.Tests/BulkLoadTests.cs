using Dapper;
using Northstar.Testing;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class BulkLoadTests
{
    private static readonly string[] SalesColumns =
    [
        "order_line_id", "order_id", "line_number", "date_key", "ordered_at", "local_date", "local_hour", "location_key",
        "quantity", "unit_price", "gross_amount", "net_amount", "cost_amount", "updated_at",
    ];

    private static readonly string[] RequestColumns =
        ["requested_at", "date_key", "node", "method", "route", "status", "duration_ms", "local_date", "local_hour"];

    [Fact]
    public async Task A_bulk_load_round_trips_nulls_decimals_timestamps_and_strings_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();

        await AssertSalesRoundTripAsync(warehouse);
    }

    [PostgresFact]
    public async Task A_bulk_load_round_trips_nulls_decimals_timestamps_and_strings_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();

        await AssertSalesRoundTripAsync(warehouse);
    }

    [Fact]
    public async Task A_bulk_load_of_every_column_in_table_order_round_trips_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();

        await AssertRequestsRoundTripAsync(warehouse);
    }

    [PostgresFact]
    public async Task A_bulk_load_of_every_column_in_table_order_round_trips_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();

        await AssertRequestsRoundTripAsync(warehouse);
    }

    [Fact]
    public async Task An_aborted_bulk_load_leaves_nothing_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();

        await AssertAbortLeavesNothingAsync(warehouse);
    }

    [PostgresFact]
    public async Task An_aborted_bulk_load_leaves_nothing_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();

        await AssertAbortLeavesNothingAsync(warehouse);
    }

    [Fact]
    public async Task A_bulk_load_into_a_missing_column_is_refused_with_its_name()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => warehouse.BeginBulkLoadAsync("gold.fact_requests", ["requested_at", "colour"]).AsTask());

        Assert.Contains("gold.fact_requests has no column colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_a_missing_column_is_refused_before_it_reaches_the_engine()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();
        await using var load = await warehouse.BeginBulkLoadAsync("gold.fact_requests", RequestColumns);
        load.StartRow();
        load.Write(DateTimeOffset.UtcNow);

        var error = Assert.Throws<InvalidOperationException>(load.StartRow);

        Assert.Contains("1 of its 9 columns", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertSalesRoundTripAsync(IWarehouse warehouse)
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        const int count = 1000;
        long written;
        await using (var load = await warehouse.BeginBulkLoadAsync("gold.fact_sales", SalesColumns))
        {
            for (var i = 0; i < count; i++)
            {
                var orderedAt = start.AddMinutes(i * 7);
                load.StartRow();
                load.Write($"line-{i}");
                load.Write(i % 3 == 0 ? $"order-{i / 3} «ünïcode»" : $"order-{i / 3}");
                load.Write(i % 3 + 1);
                load.Write(orderedAt.Year * 10000 + orderedAt.Month * 100 + orderedAt.Day);
                load.Write(orderedAt);
                load.Write(DateOnly.FromDateTime(orderedAt.UtcDateTime));
                load.Write((short)orderedAt.Hour);
                load.Write((long)(i % 4));
                load.Write(1.5m + i % 2);
                load.Write(12.34m);
                load.Write(Math.Round((1.5m + i % 2) * 12.34m, 2));
                load.Write(10.01m + i);
                if (i % 5 == 0)
                    load.WriteNull();
                else
                    load.Write(4.25m);
                load.Write(orderedAt.AddHours(1));
            }

            written = await load.CompleteAsync();
        }

        Assert.Equal(count, written);
        await using var connection = await warehouse.OpenReadConnectionAsync();
        var totals = await connection.QuerySingleAsync<(long Rows, decimal Net, long Costs, decimal CostSum, decimal Quantity)>("""
            select count(*), cast(sum(net_amount) as decimal(18,2)), count(cost_amount), cast(sum(cost_amount) as decimal(18,2)),
                   cast(sum(quantity) as decimal(18,3))
            from gold.fact_sales
            """);
        Assert.Equal(count, totals.Rows);
        Assert.Equal(Enumerable.Range(0, count).Sum(i => 10.01m + i), totals.Net);
        Assert.Equal(count - count / 5, totals.Costs);
        Assert.Equal((count - count / 5) * 4.25m, totals.CostSum);
        Assert.Equal(Enumerable.Range(0, count).Sum(i => 1.5m + i % 2), totals.Quantity);

        var line = await connection.QuerySingleAsync<(string OrderId, int LineNumber, string OrderedAt, string LocalDate, int Hour, long Location, long Employee)>($"""
            select order_id, line_number, {TimestampText(warehouse, "ordered_at")}, cast(local_date as text), local_hour, location_key, employee_key
            from gold.fact_sales where order_line_id = 'line-999'
            """);
        var expectedAt = start.AddMinutes(999 * 7);
        Assert.Equal("order-333 «ünïcode»", line.OrderId);
        Assert.Equal(1, line.LineNumber);
        Assert.Equal(expectedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), line.OrderedAt);
        Assert.Equal(expectedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line.LocalDate);
        Assert.Equal(expectedAt.Hour, line.Hour);
        Assert.Equal(3, line.Location);
        Assert.Equal(0, line.Employee);
    }

    private static async Task AssertRequestsRoundTripAsync(IWarehouse warehouse)
    {
        var at = new DateTimeOffset(2026, 5, 4, 23, 59, 59, TimeSpan.FromHours(2));
        await using (var load = await warehouse.BeginBulkLoadAsync("gold.fact_requests", RequestColumns))
        {
            for (var i = 0; i < 100; i++)
            {
                load.StartRow();
                load.Write(at.AddSeconds(i));
                load.Write(20260504);
                load.Write(i % 2 == 0 ? "node-a" : "node-b");
                load.Write("GET");
                load.Write("/api/query");
                load.Write((short)(i % 10 == 0 ? 500 : 200));
                load.Write(i * 0.5);
                load.Write(new DateOnly(2026, 5, 4));
                load.Write((short)23);
            }

            Assert.Equal(100, await load.CompleteAsync());
        }

        await using var connection = await warehouse.OpenReadConnectionAsync();
        var summary = await connection.QuerySingleAsync<(long Rows, long Errors, double Duration, long NodeA, string First)>($"""
            select count(*), count(*) filter (where status = 500), sum(duration_ms), count(*) filter (where node = 'node-a'),
                   min({TimestampText(warehouse, "requested_at")})
            from gold.fact_requests
            """);
        Assert.Equal(100, summary.Rows);
        Assert.Equal(10, summary.Errors);
        Assert.Equal(Enumerable.Range(0, 100).Sum(i => i * 0.5), summary.Duration);
        Assert.Equal(50, summary.NodeA);
        Assert.Equal("2026-05-04 21:59:59", summary.First);
    }

    private static async Task AssertAbortLeavesNothingAsync(IWarehouse warehouse)
    {
        await using (var load = await warehouse.BeginBulkLoadAsync("gold.fact_requests", RequestColumns))
        {
            for (var i = 0; i < 10; i++)
            {
                load.StartRow();
                load.Write(DateTimeOffset.UtcNow);
                load.Write(20260504);
                load.Write("node-a");
                load.Write("GET");
                load.Write("/");
                load.Write((short)200);
                load.Write(1.0);
                load.Write(new DateOnly(2026, 5, 4));
                load.Write((short)10);
            }
        }

        await using var connection = await warehouse.OpenReadConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from gold.fact_requests"));
    }

    // The instant as UTC text, so both engines render it the same whatever the session time zone.
    private static string TimestampText(IWarehouse warehouse, string column) => warehouse.Engine == EngineKind.DuckDb
        ? $"strftime(timezone('UTC', {column}), '%Y-%m-%d %H:%M:%S')"
        : $"to_char({column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')";
}
