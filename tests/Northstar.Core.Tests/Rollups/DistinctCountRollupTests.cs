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

    private static readonly SemanticModel ByOrderOnly = Model with { Rollups = [.. Model.Rollups.Where(rollup => rollup.Name == "a_by_order")] };

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
    public void Over_a_whole_range_the_values_first_seen_in_it_are_summed_from_the_first_seen_table()
    {
        var compiled = CompileByOrder("""{ "metrics": ["orders"], "time": { "range": { "from": "2025-01-10", "to": "2025-01-20" } } }""");

        Assert.Equal("a_by_order", compiled.Rollup);
        Assert.Contains(
            "cast(coalesce(max((select coalesce(sum(\"first_seen\".\"counted\"), (0)) as \"counted\"\nfrom \"rollups\".\"a_by_order_orders_first_seen\" \"first_seen\"\n" +
            "where (((\"first_seen\".\"t\" >= $1) and (\"first_seen\".\"t\" <= $2)) and ((\"first_seen\".\"previous_day\" is null) or (\"first_seen\".\"previous_day\" < $3))))), (0)) as bigint) as \"m_orders\"",
            compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 10)], compiled.Rows.Parameters.Take(3));
        // All time: the values never counted before.
        Assert.Contains("where (\"first_seen\".\"previous_day\" is null)", CompileByOrder("""{ "metrics": ["orders"] }""").Rows.Sql,
                        StringComparison.Ordinal);
    }

    [Fact]
    public void One_row_over_a_range_takes_a_rollup_without_the_distinct_count_and_counts_it_from_the_keepers_first_seen_table()
    {
        var model = ByOrderOnly with
        {
            Rollups = [.. ByOrderOnly.Rollups, new Rollup("revenue_by_location", "sales", "order_date", Grain.Day, ["location"], ["revenue"], Here)],
        };
        var kpi = QueryCompiler.Compile(model, Specs.Parse("""{ "metrics": ["revenue", "orders"], "time": { "range": { "preset": "last_30_days" } }, "compare": "previous_period" }"""),
                                        QueryScope.Unrestricted, new CompileContext(SqlDialect.DuckDb, Specs.Today));

        Assert.Equal("revenue_by_location,a_by_order", kpi.Rollup);
        Assert.Contains("from \"rollups\".\"revenue_by_location\" \"f\"", kpi.Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("from \"rollups\".\"a_by_order_orders_first_seen\" \"first_seen\"", kpi.Comparison!.Rows.Sql, StringComparison.Ordinal);

        // Grouped, the rollup must hold the count itself: by location none does.
        var byLocation = QueryCompiler.Compile(model, Specs.Parse("""{ "metrics": ["revenue", "orders"], "dimensions": ["location"] }"""),
                                               QueryScope.Unrestricted, new CompileContext(SqlDialect.DuckDb, Specs.Today));
        Assert.Null(byLocation.Rollup);
    }

    [Fact]
    public void The_totals_of_a_grouped_question_count_from_the_first_seen_table_and_its_rows_count_distinct_values()
    {
        var compiled = CompileByOrder("""{ "metrics": ["orders"], "dimensions": ["category"] }""");

        Assert.Contains("count(distinct \"f\".\"d_order_id\")", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("first_seen", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("from \"rollups\".\"a_by_order_orders_first_seen\" \"first_seen\"", compiled.Totals.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "metrics": ["orders"], "time": { "grain": "day" } }""")]
    [InlineData("""{ "metrics": ["orders"], "dimensions": ["category"] }""")]
    [InlineData("""{ "metrics": ["orders"], "filters": [ { "member": "category", "op": "equals", "values": ["Paint"] } ] }""")]
    public void Buckets_groups_and_filters_count_the_values_again(string spec)
    {
        Assert.Contains("count(distinct \"f\".\"d_order_id\")", CompileByOrder(spec).Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scoped_caller_counts_the_values_again()
    {
        var compiled = QueryCompiler.Compile(ByOrderOnly, Specs.Parse("""{ "metrics": ["orders"] }"""), new QueryScope(["b1"], null, null),
                                             new CompileContext(SqlDialect.PostgreSql, Specs.Today));

        Assert.Contains("count(distinct \"f\".\"d_order_id\")", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rollup_by_counted_value_keeps_each_values_previous_day_and_refreshes_it()
    {
        var byOrder = Model.Rollups.Single(rollup => rollup.Name == "a_by_order");
        var build = RollupTable.Of(Model, byOrder, SqlDialect.DuckDb).Build().Sql;
        var refresh = RollupTable.Of(Model, byOrder, SqlDialect.PostgreSql).Refresh(new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 4));
        var indexes = RollupTable.Of(Model, byOrder, SqlDialect.PostgreSql).Indexes().Select(index => index.Sql).ToList();
        var derived = RollupTable.Of(Model, byOrder, SqlDialect.PostgreSql).Derived().Select(statement => statement.Sql).ToList();

        Assert.Contains(
            "case when \"m_orders\" > 0 and \"d_order_id\" is not null then lag(\"t\") over (partition by \"d_order_id\", \"m_orders\" > 0 order by \"t\") end as \"p_orders\"",
            build, StringComparison.Ordinal);
        Assert.Equal(5, refresh.Count);
        Assert.StartsWith("update \"rollups\".\"a_by_order\" as r set \"p_orders\" = w.previous_day", refresh[2].Sql, StringComparison.Ordinal);
        Assert.Contains("where r.ctid = w.row_id and r.\"t\" >= $1", refresh[2].Sql, StringComparison.Ordinal);
        Assert.Contains("create index \"a_by_order_d_order_id\" on \"rollups\".\"a_by_order\" (\"d_order_id\")", indexes);

        // The first-seen table: built from the rollup, its days from the range on refreshed after the previous days.
        var firstSeen = "select \"t\", \"p_orders\" as \"previous_day\", count(*) as \"counted\"\nfrom \"rollups\".\"a_by_order\"\n" +
                        "where \"m_orders\" > 0 and \"d_order_id\" is not null and (\"p_orders\" is null or \"p_orders\" < \"t\")";
        Assert.Equal("create table \"rollups\".\"a_by_order_orders_first_seen\" as\n" + firstSeen + "\ngroup by \"t\", \"p_orders\"\norder by \"t\"", derived[0]);
        Assert.Equal("create index \"a_by_order_orders_first_seen_time\" on \"rollups\".\"a_by_order_orders_first_seen\" (\"t\")", derived[1]);
        Assert.Equal("delete from \"rollups\".\"a_by_order_orders_first_seen\" where \"t\" >= $1", refresh[3].Sql);
        Assert.Equal("insert into \"rollups\".\"a_by_order_orders_first_seen\" (\"t\", \"previous_day\", \"counted\")\n" + firstSeen +
                     " and \"t\" >= $1\ngroup by \"t\", \"p_orders\"", refresh[4].Sql);
        Assert.Equal([new DateOnly(2025, 1, 3)], refresh[4].Parameters);
        Assert.Equal(["a_by_order", "a_by_order_orders_first_seen"], RollupTable.Of(Model, byOrder, SqlDialect.DuckDb).TableNames);

        // A rollup without such a count has no previous-day column.
        var byLocation = RollupTable.Of(Model, Model.Rollups.Single(rollup => rollup.Name == "orders_by_location"), SqlDialect.PostgreSql);
        Assert.DoesNotContain("p_", byLocation.Build().Sql, StringComparison.Ordinal);
        Assert.Equal(2, byLocation.Refresh(new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 4)).Count);
        Assert.Empty(byLocation.Derived());
        Assert.Equal(["orders_by_location"], byLocation.TableNames);
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

    // Orders only from the rollup by order: no other rollup keeps them.
    private static CompiledQuery CompileByOrder(string spec) =>
        QueryCompiler.Compile(ByOrderOnly, Specs.Parse(spec), QueryScope.Unrestricted, new CompileContext(SqlDialect.PostgreSql, Specs.Today));

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
