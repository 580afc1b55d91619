using System.Data.Common;
using Northstar.Core.Model;
using Northstar.Core.Rollups;
using Northstar.Testing;
using Northstar.Warehouse.Rollups;
using Northstar.Warehouse.Tests.Queries;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests.Rollups;

/// <summary>
/// The rollup tables follow the model: built when missing, rebuilt when their definition changes, dropped when no longer
/// declared, left whole when a build fails, and built once when two nodes start together.
/// </summary>
public sealed class RollupStoreTests
{
    private static readonly SourceLocation Here = new("test.yaml", 1);

    [Fact]
    public Task A_model_change_rebuilds_the_rollups_it_changed_and_drops_the_ones_removed_on_DuckDB() => QueryFixture.OnDuckDbAsync(ModelChangeAsync);

    [PostgresFact]
    public Task A_model_change_rebuilds_the_rollups_it_changed_and_drops_the_ones_removed_on_PostgreSQL() => QueryFixture.OnPostgresAsync(ModelChangeAsync);

    [Fact]
    public Task A_failed_build_leaves_the_previous_table_or_none_never_half_a_table_on_DuckDB() => QueryFixture.OnDuckDbAsync(FailedBuildAsync);

    [PostgresFact]
    public Task A_failed_build_leaves_the_previous_table_or_none_never_half_a_table_on_PostgreSQL() => QueryFixture.OnPostgresAsync(FailedBuildAsync);

    [Fact]
    public Task A_rebuild_after_a_load_that_bypassed_the_refresh_catches_up_with_the_facts_on_DuckDB() => QueryFixture.OnDuckDbAsync(RebuildAsync);

    [PostgresFact]
    public Task A_rebuild_after_a_load_that_bypassed_the_refresh_catches_up_with_the_facts_on_PostgreSQL() => QueryFixture.OnPostgresAsync(RebuildAsync);

    [Fact]
    public Task A_rollup_by_counted_value_comes_with_its_first_seen_table_which_stays_across_starts_and_goes_with_it_on_DuckDB() =>
        QueryFixture.OnDuckDbAsync(FirstSeenTableAsync);

    [PostgresFact]
    public Task A_rollup_by_counted_value_comes_with_its_first_seen_table_which_stays_across_starts_and_goes_with_it_on_PostgreSQL() =>
        QueryFixture.OnPostgresAsync(FirstSeenTableAsync);

    [Fact]
    public Task DuckDB_keeps_partial_sums_in_64_bit_decimals_that_fit_and_refuses_to_store_one_that_overflows() =>
        QueryFixture.OnDuckDbAsync(NarrowDecimalsAsync);

    [PostgresFact]
    public async Task Two_nodes_starting_together_build_each_rollup_once_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = TestWarehouses.Postgres(database.ConnectionString);
        await using var second = TestWarehouses.Postgres(database.ConnectionString);
        await first.MigrateAsync();
        await QueryFixture.LoadAsync(first);
        var tables = Tables(Model(Daily(["revenue", "lines"])), first);

        var reports = await Task.WhenAll(RollupStore.EnsureAsync(first, tables), RollupStore.EnsureAsync(second, tables));

        Assert.Equal(["sales_daily"], reports.SelectMany(report => report.Built));
        Assert.Equal(12L, await ScalarAsync(first, "select count(*) from rollups.sales_daily"));
    }

    [PostgresFact]
    public async Task A_rollup_on_PostgreSQL_is_indexed_by_day_so_a_range_of_days_does_not_read_the_whole_table()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();
        await QueryFixture.LoadAsync(warehouse);

        await RollupStore.EnsureAsync(warehouse, Tables(Model(Daily(["revenue"])), warehouse));

        Assert.Equal(1L, await ScalarAsync(warehouse, """
            select count(*) from pg_indexes
            where schemaname = 'rollups' and tablename = 'sales_daily' and indexdef like '%USING btree (t)'
            """));
    }

    private static async Task ModelChangeAsync(IWarehouse warehouse)
    {
        var spend = new Rollup("spend_daily", "marketing", "spend_date", Grain.Day, ["location"], ["spend"], Here);
        var first = await RollupStore.EnsureAsync(warehouse, Tables(Model(Daily(["revenue"]), spend), warehouse));
        Assert.Equal(["sales_daily", "spend_daily"], first.Built);
        Assert.Empty(first.Dropped);
        // The dozen orders fall on twelve (day, branch) buckets; 14 lines.
        Assert.Equal(12L, await ScalarAsync(warehouse, "select count(*) from rollups.sales_daily"));
        Assert.Equal(2319m, await DecimalAsync(warehouse, "select sum(m_revenue) from rollups.sales_daily"));

        var again = await RollupStore.EnsureAsync(warehouse, Tables(Model(Daily(["revenue"]), spend), warehouse));
        Assert.Empty(again.Built);

        var changed = await RollupStore.EnsureAsync(warehouse, Tables(Model(Daily(["revenue", "lines"])), warehouse));
        Assert.Equal(["sales_daily"], changed.Built);
        Assert.Equal(["spend_daily"], changed.Dropped);
        Assert.Equal(14L, await ScalarAsync(warehouse, "select sum(m_lines) from rollups.sales_daily"));
        Assert.Equal(0L, await ScalarAsync(warehouse,
            "select count(*) from information_schema.tables where table_schema = 'rollups' and table_name = 'spend_daily'"));
        Assert.Equal(1L, await ScalarAsync(warehouse, "select count(*) from rollups.definitions"));
    }

    private static async Task FirstSeenTableAsync(IWarehouse warehouse)
    {
        var model = QueryTestModel.Build();
        var sales = model.Subjects["sales"];
        var dimensions = sales.Dimensions.ToDictionary();
        dimensions["order_id"] = new Dimension("order_id", "Order", null, "order_id", DataType.String, ValueFormat.None);
        model = model with
        {
            Subjects = new Dictionary<string, Subject>(model.Subjects) { ["sales"] = sales with { Dimensions = dimensions } },
            Rollups = [new Rollup("sales_by_order", "sales", "order_date", Grain.Day, ["order_id"], ["orders"], Here)],
        };
        const string FirstSeen = "sales_by_order_orders_first_seen";

        Assert.Equal(["sales_by_order"], (await RollupStore.EnsureAsync(warehouse, Tables(model, warehouse))).Built);
        // The dozen orders, each counted on its one day for the first time.
        Assert.Equal(12L, await ScalarAsync(warehouse, $"select sum(counted) from rollups.{FirstSeen} where previous_day is null"));

        var again = await RollupStore.EnsureAsync(warehouse, Tables(model, warehouse));
        Assert.Empty(again.Built);
        Assert.Empty(again.Dropped);
        Assert.Equal(12L, await ScalarAsync(warehouse, $"select sum(counted) from rollups.{FirstSeen}"));

        // A first-seen table gone missing rebuilds its rollup.
        await ExecuteAsync(warehouse, $"drop table rollups.{FirstSeen}");
        Assert.Equal(["sales_by_order"], (await RollupStore.EnsureAsync(warehouse, Tables(model, warehouse))).Built);
        Assert.Equal(12L, await ScalarAsync(warehouse, $"select sum(counted) from rollups.{FirstSeen}"));

        var removed = await RollupStore.EnsureAsync(warehouse, Tables(model with { Rollups = [] }, warehouse));
        Assert.Equal(["sales_by_order", FirstSeen], removed.Dropped);
        Assert.Equal(0L, await ScalarAsync(warehouse,
            "select count(*) from information_schema.tables where table_schema = 'rollups' and table_name <> 'definitions'"));
    }

    private static async Task ExecuteAsync(IWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RebuildAsync(IWarehouse warehouse)
    {
        var tables = Tables(Model(Daily(["revenue"])), warehouse);
        await RollupStore.EnsureAsync(warehouse, tables);
        await using (var connection = await warehouse.OpenWriteConnectionAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "update gold.fact_sales set net_amount = net_amount + 1";
            Assert.Equal(14, await command.ExecuteNonQueryAsync());
        }

        // The fingerprint did not change, so ensuring leaves the (now stale) table alone; a rebuild refills it.
        Assert.Empty((await RollupStore.EnsureAsync(warehouse, tables)).Built);
        Assert.Equal(2319m, await DecimalAsync(warehouse, "select sum(m_revenue) from rollups.sales_daily"));
        Assert.Equal(["sales_daily"], (await RollupStore.RebuildAsync(warehouse, tables)).Built);
        Assert.Equal(2319m + 14m, await DecimalAsync(warehouse, "select sum(m_revenue) from rollups.sales_daily"));
    }

    private static async Task FailedBuildAsync(IWarehouse warehouse)
    {
        await RollupStore.EnsureAsync(warehouse, Tables(Model(Daily(["revenue"])), warehouse));
        var fingerprint = await TextAsync(warehouse, "select fingerprint from rollups.definitions where name = 'sales_daily'");

        // The changed rollup lists a measure over a column the fact table does not have: its build fails.
        var broken = new Measure("broken", "Broken", ValueFormat.Number, null, Here, "sales", Aggregation.Sum, new ColumnRef(null, "no_such_column"), []);
        var model = Model(Daily(["revenue", "broken"]), new Rollup("broken_new", "sales", "order_date", Grain.Day, [], ["broken"], Here));
        model = model with { Metrics = new Dictionary<string, Metric>(model.Metrics) { ["broken"] = broken } };

        await Assert.ThrowsAnyAsync<DbException>(() => RollupStore.EnsureAsync(warehouse, Tables(model, warehouse)));

        Assert.Equal(fingerprint, await TextAsync(warehouse, "select fingerprint from rollups.definitions where name = 'sales_daily'"));
        Assert.Equal(12L, await ScalarAsync(warehouse, "select count(*) from rollups.sales_daily"));
        Assert.Equal(0L, await ScalarAsync(warehouse,
            "select count(*) from information_schema.tables where table_schema = 'rollups' and table_name = 'broken_new'"));
    }

    private static async Task NarrowDecimalsAsync(IWarehouse warehouse)
    {
        var tables = Tables(Model(Daily(["revenue", "lines"])), warehouse);
        await RollupStore.EnsureAsync(warehouse, tables);

        // A sum of decimal(18,2) amounts would be a 128-bit decimal(38,2), which DuckDB reads a hundred times slower.
        Assert.Equal("DECIMAL(18,2)", await TextAsync(warehouse,
            "select data_type from information_schema.columns where table_schema = 'rollups' and table_name = 'sales_daily' and column_name = 'm_revenue'"));
        Assert.Equal(2319m, await DecimalAsync(warehouse, "select sum(m_revenue) from rollups.sales_daily"));

        // A bucket beyond 18 digits is refused, not stored wrong.
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "update rollups.sales_daily set m_revenue = 123456789012345678.5";
        await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
    }

    private static Rollup Daily(IReadOnlyList<string> measures) =>
        new("sales_daily", "sales", "order_date", Grain.Day, ["location"], measures, Here);

    private static SemanticModel Model(params Rollup[] rollups) => QueryTestModel.Build() with { Rollups = rollups };

    private static IReadOnlyList<RollupTable> Tables(SemanticModel model, IWarehouse warehouse) => RollupTable.AllOf(model, warehouse.Dialect);

    private static async Task<long> ScalarAsync(IWarehouse warehouse, string sql) => Convert.ToInt64(await ValueAsync(warehouse, sql));

    private static async Task<decimal> DecimalAsync(IWarehouse warehouse, string sql) => Convert.ToDecimal(await ValueAsync(warehouse, sql));

    private static async Task<string> TextAsync(IWarehouse warehouse, string sql) => (string)(await ValueAsync(warehouse, sql))!;

    private static async Task<object?> ValueAsync(IWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
