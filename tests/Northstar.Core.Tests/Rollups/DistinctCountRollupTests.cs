using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Core.Tests.Compiling;

namespace Northstar.Core.Tests.Rollups;

/// <summary>Distinct counts answered from rollups: added up where the counted value determines the buckets, counted again where the rollup lists the values.</summary>
public sealed class DistinctCountRollupTests
{
    private static readonly SourceLocation Here = new("test.yaml", 1);

    private static readonly SemanticModel Model = Build();

    [Fact]
    public void Orders_by_branch_add_up_from_a_rollup_keyed_by_columns_the_order_determines()
    {
        var compiled = Compile("""{ "metrics": ["orders", "revenue"], "dimensions": ["location"], "time": { "grain": "month" } }""");

        Assert.Equal("orders_by_location", compiled.Rollup);
        Assert.Contains("cast(coalesce(sum(\"f\".\"m_orders\"), (0)) as bigint) as \"m_orders\"", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distinct_count_is_counted_again_over_the_values_of_a_rollup_that_groups_by_the_counted_column()
    {
        var compiled = Compile("""{ "metrics": ["orders"], "dimensions": ["category"] }""");

        Assert.Equal("a_by_order", compiled.Rollup);
        Assert.Contains("count(distinct \"f\".\"d_order_id\") filter (where (\"f\".\"m_orders\" > (0))) as \"m_orders\"",
                        compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollup_that_groups_by_counted_values_is_the_last_choice()
    {
        // a_by_order comes first by name and has as few dimensions, but holds a row per order a day.
        Assert.Equal("orders_by_location", Compile("""{ "metrics": ["revenue"] }""").Rollup);
    }

    [Fact]
    public void The_rollup_keeps_the_distinct_count_per_bucket_with_the_measures_filter()
    {
        var fill = RollupTable.Of(Model, Model.Rollups.Single(rollup => rollup.Name == "a_by_order"), SqlDialect.DuckDb).Build().Sql;

        Assert.Contains("count(distinct \"f\".\"order_id\") as \"m_orders\"", fill, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollup_keyed_by_a_column_the_order_does_not_determine_cannot_keep_orders()
    {
        var byCategory = new Rollup("orders_by_category", "sales", "order_date", Grain.Day, ["category"], ["orders"], Here);

        var error = Assert.Throws<InvalidOperationException>(() => RollupTable.Of(Model, byCategory, SqlDialect.DuckDb));

        Assert.Contains("missing: product_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hourly_rollup_needs_the_hour_column_determined_too()
    {
        var subject = Model.Subjects["sales"];
        var orders = (Measure)Model.Metrics["orders"];
        var hourly = new Rollup("orders_hourly", "sales", "order_date", Grain.Hour, ["location"], ["orders"], Here);
        var dailyOnly = orders with { Determines = ["local_date", "location_key"] };

        Assert.Equal(DistinctCountKeeping.Additive, DistinctCounts.Keeping(subject, hourly, orders).How);
        Assert.Equal(["local_hour"], DistinctCounts.UndeterminedBucketColumns(subject, hourly, dailyOnly));
    }

    private static CompiledQuery Compile(string spec) =>
        QueryCompiler.Compile(Model, Specs.Parse(spec), QueryScope.Unrestricted, new CompileContext(SqlDialect.PostgreSql, Specs.Today));

    private static SemanticModel Build()
    {
        var model = TestModel.Build();
        var sales = model.Subjects["sales"];
        var dimensions = sales.Dimensions.ToDictionary();
        dimensions["order_id"] = new Dimension("order_id", "Order", null, "order_id", DataType.String, ValueFormat.None);
        var metrics = model.Metrics.ToDictionary();
        metrics["orders"] = (Measure)metrics["orders"] with { Determines = ["local_date", "local_hour", "location_key", "channel_key"] };
        return model with
        {
            Subjects = new Dictionary<string, Subject>(model.Subjects) { ["sales"] = sales with { Dimensions = dimensions } },
            Metrics = metrics,
            Rollups =
            [
                new Rollup("a_by_order", "sales", "order_date", Grain.Day, ["order_id", "category"], ["revenue", "orders"], Here),
                new Rollup("orders_by_location", "sales", "order_date", Grain.Day, ["location", "channel"], ["revenue", "orders"], Here),
            ],
        };
    }
}
