namespace Northstar.Core.Tests.Compiling;

public sealed class RenderingTests
{
    [Fact]
    public void PostgreSQL_truncates_dates_as_timestamps_and_DuckDB_the_same_way()
    {
        const string Spec = """{ "metrics": ["revenue"], "time": { "grain": "week" } }""";

        foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.PostgreSql })
        {
            Assert.Contains("cast(date_trunc('week', cast(\"f\".\"local_date\" as timestamp)) as date) as \"t\"",
                            Specs.Compile(Spec, dialect: dialect).Rows.Sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_day_grain_uses_the_local_date_as_is()
    {
        var sql = Specs.Compile("""{ "metrics": ["revenue"], "time": { "grain": "day" } }""").Rows.Sql;

        Assert.Contains("\"f\".\"local_date\" as \"t\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("date_trunc", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Hour_buckets_add_the_local_hour_to_the_local_date_per_dialect()
    {
        const string Spec = """{ "metrics": ["revenue"], "time": { "grain": "hour" } }""";

        Assert.Contains("(cast(\"f\".\"local_date\" as timestamp) + make_interval(hours => \"f\".\"local_hour\"))",
                        Specs.Compile(Spec, dialect: SqlDialect.PostgreSql).Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("(cast(\"f\".\"local_date\" as timestamp) + to_hours(cast(\"f\".\"local_hour\" as bigint)))",
                        Specs.Compile(Spec, dialect: SqlDialect.DuckDb).Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Division_casts_the_dividend_and_turns_a_zero_divisor_into_null()
    {
        const string Spec = """{ "metrics": ["aov"] }""";

        Assert.Contains("(cast(\"q\".\"m_revenue\" as numeric) / nullif(\"q\".\"m_orders\", 0))",
                        Specs.Compile(Spec, dialect: SqlDialect.PostgreSql).Totals.Sql, StringComparison.Ordinal);
        Assert.Contains("(cast(\"q\".\"m_revenue\" as double) / nullif(\"q\".\"m_orders\", 0))",
                        Specs.Compile(Spec, dialect: SqlDialect.DuckDb).Totals.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtered_measures_and_distinct_counts_aggregate_with_filter_clauses_and_sums_are_zero_over_no_rows()
    {
        var sql = Specs.Compile("""{ "metrics": ["paint_revenue", "orders"] }""").Totals.Sql;

        Assert.Contains("coalesce(sum(\"f\".\"net_amount\") filter (where (\"product\".\"category\" = $1)), (0)) as \"m_paint_revenue\"", sql,
                        StringComparison.Ordinal);
        Assert.Contains("count(distinct \"f\".\"order_id\") as \"m_orders\"", sql, StringComparison.Ordinal);
        Assert.Contains("left join \"gold\".\"dim_product\" \"product\" on (\"product\".\"product_key\" = \"f\".\"product_key\")", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_joins_a_query_needs_are_made()
    {
        var plain = Specs.Compile("""{ "metrics": ["revenue"] }""").Rows.Sql;
        var byBranch = Specs.Compile("""{ "metrics": ["revenue"], "dimensions": ["location"] }""").Rows.Sql;
        var listValue = Specs.Compile("""{ "metrics": ["list_value"] }""").Rows.Sql;

        Assert.DoesNotContain("join", plain, StringComparison.Ordinal);
        Assert.Contains("\"dim_location\"", byBranch, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dim_product\"", byBranch, StringComparison.Ordinal);
        Assert.Contains("sum(\"product\".\"unit_price\")", listValue, StringComparison.Ordinal);
        Assert.Contains("\"dim_product\"", listValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_subjects_are_merged_on_their_group_keys()
    {
        var sql = Specs.Compile("""{ "metrics": ["spend", "leads"], "dimensions": ["channel"] }""").Rows.Sql;

        Assert.Contains("with \"s_marketing\" as (", sql, StringComparison.Ordinal);
        Assert.Contains("\"s_leads\" as (", sql, StringComparison.Ordinal);
        Assert.Contains("union all", sql, StringComparison.Ordinal);
        Assert.Contains("group by \"u\".\"d_channel\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_order_is_time_ascending_else_the_first_metric_descending()
    {
        Assert.Contains("order by \"q\".\"t\" asc nulls last\n",
                        Specs.Compile("""{ "metrics": ["revenue"], "time": { "grain": "day" } }""").Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("order by \"q\".\"m_orders\" desc nulls last, \"q\".\"d_location\" asc nulls last\n",
                        Specs.Compile("""{ "metrics": ["orders", "revenue"], "dimensions": ["location"] }""").Rows.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "metrics": ["revenue", "orders"], "compare": "previous_period", "time": { "range": { "preset": "last_30_days" } } }""", true)]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["location"], "compare": "previous_period", "time": { "range": { "preset": "last_30_days" } } }""", false)]
    [InlineData("""{ "metrics": ["revenue"], "compare": "previous_period", "time": { "grain": "day", "range": { "preset": "last_30_days" } } }""", false)]
    [InlineData("""{ "metrics": ["revenue"], "compare": "previous_period", "time": { "range": { "preset": "last_30_days" } }, "filters": [ { "member": "revenue", "op": "gt", "values": [5] } ] }""", false)]
    public void A_single_ungrouped_row_is_its_own_totals_so_one_statement_serves_both(string spec, bool single)
    {
        var compiled = Specs.Compile(spec);

        Assert.Equal(single, ReferenceEquals(compiled.Rows, compiled.Totals));
        Assert.Equal(single, ReferenceEquals(compiled.Comparison!.Rows, compiled.Comparison.Totals));
    }

    [Fact]
    public void Totals_have_no_grouping_order_or_limit()
    {
        var totals = Specs.Compile("""
            { "metrics": ["revenue"], "dimensions": ["location"], "time": { "grain": "day" }, "order": [ { "member": "location" } ], "limit": 5 }
            """).Totals.Sql;

        Assert.DoesNotContain("group by", totals, StringComparison.Ordinal);
        Assert.DoesNotContain("order by", totals, StringComparison.Ordinal);
        Assert.DoesNotContain("limit", totals, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_under_a_metric_filter_aggregate_only_the_rows_of_the_groups_that_pass()
    {
        var totals = Specs.Compile("""
            { "metrics": ["aov"], "dimensions": ["location"], "filters": [ { "member": "revenue", "op": "gt", "values": [5] } ] }
            """).Totals.Sql;

        Assert.StartsWith("with \"groups\" as (", totals, StringComparison.Ordinal);
        Assert.Contains("where (\"q\".\"m_revenue\" > $1)", totals, StringComparison.Ordinal);
        Assert.Contains("exists (select (1) as \"one\"\nfrom \"groups\" \"g\"\nwhere (\"g\".\"d_location\" is not distinct from \"location\".\"name\"))",
                        totals, StringComparison.Ordinal);
    }
}
