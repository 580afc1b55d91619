using System.Data.Common;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Testing;
using Northstar.Warehouse;
using Northstar.Warehouse.Rollups;

namespace Northstar.Ingest.Tests.Rollups;

/// <summary>
/// A small demo company loaded through the pipeline, the shipped rollups built over it: every metric the rollups can
/// serve gives the same answer from the rollups as from the fact tables, for several grains, filters, comparisons and
/// scopes; and again after a day of facts changes and the rollups are refreshed for that day.
/// </summary>
public sealed class RollupEqualityTests
{
    internal static readonly DemoOptions Small = new()
    {
        Days = 40,
        Branches = 2,
        OrdersPerDay = 15,
        Seed = 11,
        Today = new DateOnly(2026, 3, 10),
    };

    // Each shape is asked of every metric; {0} is the metric, {1} a branch id.
    private static readonly string[] Shapes =
    [
        """{ "metrics": ["{0}"], "dimensions": ["location"], "time": { "grain": "day", "range": { "preset": "last_7_days" } }, "compare": "previous_period" }""",
        """{ "metrics": ["{0}"], "dimensions": ["location_id"], "time": { "grain": "month" } }""",
        """{ "metrics": ["{0}"], "time": { "grain": "week", "range": { "preset": "last_30_days" } }, "filters": [ { "member": "location_id", "op": "in", "values": ["{1}"] } ], "compare": "previous_year" }""",
        """{ "metrics": ["{0}"], "time": { "range": { "preset": "last_30_days" } } }""",
        """{ "metrics": ["{0}"], "dimensions": ["location"], "time": { "grain": "quarter" }, "filters": [ { "member": "{0}", "op": "gt", "values": [0] } ], "order": [ { "member": "{0}", "desc": true } ], "limit": 3 }""",
    ];

    [Fact]
    public Task Every_metric_the_rollups_serve_equals_the_fact_tables_answer_on_DuckDB() => Engines.OnDuckDbAsync(EveryMetricAsync);

    [PostgresFact]
    public Task Every_metric_the_rollups_serve_equals_the_fact_tables_answer_on_PostgreSQL() => Engines.OnPostgresAsync(EveryMetricAsync);

    [Fact]
    public Task After_a_day_of_facts_changes_and_its_rollups_are_refreshed_answers_are_equal_again_on_DuckDB() =>
        Engines.OnDuckDbAsync(IncrementalAsync);

    [PostgresFact]
    public Task After_a_day_of_facts_changes_and_its_rollups_are_refreshed_answers_are_equal_again_on_PostgreSQL() =>
        Engines.OnPostgresAsync(IncrementalAsync);

    private static async Task EveryMetricAsync(PipelineWarehouse warehouse)
    {
        var model = ShippedModel.Model;
        var branch = await LoadAsync(warehouse);
        var served = ServedMetrics(warehouse.Warehouse.Dialect);

        // Every measure a rollup keeps is served, and so are the derived metrics built only from such measures.
        Assert.Superset(model.Rollups.SelectMany(rollup => rollup.Measures).ToHashSet(), served.ToHashSet());
        Assert.Contains("refunds", served);
        Assert.Contains("refund_rate", served);
        // Distinct counts: orders add up (an order has one day, hour and branch), customers are counted again over
        // sales_customers_daily's customer ids; refunded orders do neither (an order can be refunded on several days).
        Assert.Contains("orders", served);
        Assert.Contains("aov", served);
        Assert.Contains("customers", served);
        Assert.DoesNotContain("refunded_orders", served);

        foreach (var metric in served)
        {
            foreach (var shape in Shapes)
            {
                var spec = RollupAnswers.Spec(shape.Replace("{0}", metric, StringComparison.Ordinal).Replace("{1}", branch, StringComparison.Ordinal));
                var rollup = await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, spec, QueryScope.Unrestricted, Small.Today,
                                                                 $"{metric}: {shape}");
                Assert.NotNull(rollup);
                // A day rollup is smaller; but the only day rollup with orders is the one by customer (a row per customer a day).
                Assert.Equal(metric is "orders" or "aov", rollup.Contains("_hourly", StringComparison.Ordinal));
            }

            var scoped = RollupAnswers.Spec(Shapes[0].Replace("{0}", metric, StringComparison.Ordinal));
            Assert.NotNull(await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, scoped, new QueryScope([branch], null, 30), Small.Today,
                                                               $"{metric} for branch {branch} over 30 days"));
        }

        // The hour grain, from the hourly rollup; coarser grains of the same metrics come from the daily one.
        foreach (var metric in new[] { "revenue", "refunds", "refund_rate", "units" })
        {
            var hourly = RollupAnswers.Spec($$"""
                { "metrics": ["{{metric}}"], "dimensions": ["location"], "time": { "grain": "hour", "range": { "preset": "last_7_days" } },
                  "compare": "previous_period" }
                """);
            Assert.Equal("sales_hourly", await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, hourly, new QueryScope([branch], null, null),
                                                                           Small.Today, $"{metric} by hour"));
        }

        // The KPI cards: customers with the revenue and orders beside them, from the rollup by customer.
        var cards = RollupAnswers.Spec("""
            { "metrics": ["revenue", "orders", "aov", "customers"], "time": { "range": { "preset": "last_30_days" } }, "compare": "previous_period" }
            """);
        Assert.Equal("sales_customers_daily", await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, cards, new QueryScope([branch], null, null),
                                                                                 Small.Today, "KPI cards"));

        // Several subjects at once, each from its own rollup, merged on the shared dimension.
        var mixed = RollupAnswers.Spec("""
            { "metrics": ["revenue", "placed_orders", "marketing_spend", "leads"], "dimensions": ["location"],
              "time": { "grain": "week", "range": { "preset": "last_30_days" } } }
            """);
        var rollups = await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, mixed, QueryScope.Unrestricted, Small.Today, "mixed");
        Assert.Equal(["leads_daily", "marketing_daily", "orders_daily", "sales_daily"], rollups!.Split(',').Order(StringComparer.Ordinal));
    }

    private static async Task IncrementalAsync(PipelineWarehouse warehouse)
    {
        var model = ShippedModel.Model;
        await LoadAsync(warehouse);
        var day = Small.Today.AddDays(-3);
        var spec = RollupAnswers.Spec("""
            { "metrics": ["revenue", "refunds", "units", "placed_orders"], "dimensions": ["location"],
              "time": { "grain": "day", "range": { "preset": "last_7_days" } } }
            """);
        var before = await RevenueOnAsync(model, warehouse.Warehouse, day);

        // Facts changed without the rollups: the comparison notices (so it can fail).
        await ChangeSalesAsync(model, warehouse.Warehouse, day, refresh: false);
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, spec, QueryScope.Unrestricted, Small.Today, "stale"));
        Assert.Equal(before, await RevenueOnAsync(model, warehouse.Warehouse, day));

        // What an ingest batch does: change the day's facts, then refresh the rollups for that day, in one transaction.
        await ChangeSalesAsync(model, warehouse.Warehouse, day, refresh: true);

        Assert.NotEqual(before, await RevenueOnAsync(model, warehouse.Warehouse, day));
        Assert.Equal("sales_daily,orders_daily", await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, spec, QueryScope.Unrestricted,
                                                                                    Small.Today, "after the change"));
    }

    private static async Task ChangeSalesAsync(Core.Model.SemanticModel model, IWarehouse warehouse, DateOnly day, bool refresh)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = await ExecuteAsync(connection, transaction, new SqlStatement(
            "update gold.fact_sales set net_amount = net_amount + 10 where local_date = $1 and net_amount >= 0", [day]));
        Assert.True(changed > 0, "the demo data has sales on the day changed");
        if (refresh)
        {
            foreach (var statement in new RollupMaintenance(model, warehouse.Dialect).RefreshStatements(["sales"], day, day))
            {
                await ExecuteAsync(connection, transaction, statement);
            }
        }

        await transaction.CommitAsync();
    }

    // The day's revenue as the rollup answers it.
    private static async Task<decimal> RevenueOnAsync(Core.Model.SemanticModel model, IWarehouse warehouse, DateOnly day)
    {
        var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var compiled = QueryCompiler.Compile(model, RollupAnswers.Spec($$"""{ "metrics": ["revenue"], "time": { "range": { "from": "{{text}}", "to": "{{text}}" } } }"""),
                                             QueryScope.Unrestricted, new CompileContext(warehouse.Dialect, Small.Today));
        Assert.Equal("sales_daily", compiled.Rollup);
        return (decimal)(await RollupAnswers.AskAsync(warehouse, compiled)).Totals["revenue"]!;
    }

    // Loads the demo company and builds the shipped rollups; returns a branch id.
    internal static async Task<string> LoadAsync(PipelineWarehouse warehouse)
    {
        var report = await Northstar.Ingest.Demo.DemoLoad.RunAsync(DemoCompany.Generate(Small), warehouse.Pipeline);
        Assert.Equal(0, report.Rejected);
        var built = await RollupStore.EnsureAsync(warehouse.Warehouse, RollupTable.AllOf(ShippedModel.Model, warehouse.Warehouse.Dialect));
        Assert.Equal(ShippedModel.Model.Rollups.Count, built.Built.Count);
        return await warehouse.ScalarAsync<string>("select min(location_id) from gold.dim_location where location_key <> 0");
    }

    // The metrics a rollup answers when asked alone (measures and derived metrics).
    private static List<string> ServedMetrics(Core.SqlDialect dialect) =>
        [.. ShippedModel.Model.Metrics.Keys.Order(StringComparer.Ordinal).Where(metric =>
            QueryCompiler.Compile(ShippedModel.Model, RollupAnswers.Spec($$"""{ "metrics": ["{{metric}}"] }"""), QueryScope.Unrestricted,
                                  new CompileContext(dialect, Small.Today)).Rollup is not null)];

    internal static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        foreach (var value in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
