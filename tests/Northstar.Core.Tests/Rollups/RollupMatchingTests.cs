using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Core.Tests.Compiling;

namespace Northstar.Core.Tests.Rollups;

public sealed class RollupMatchingTests
{
    [Theory]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["location"], "time": { "grain": "day" } }""", "sales_by_location")]
    [InlineData("""{ "metrics": ["revenue", "lines"], "time": { "grain": "month" } }""", "sales_by_location")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["category"], "time": { "grain": "week" } }""", "sales_daily")]
    [InlineData("""{ "metrics": ["paint_revenue"], "filters": [ { "member": "channel", "op": "equals", "values": ["Web"] } ] }""", "sales_daily")]
    [InlineData("""{ "metrics": ["average_line", "largest_line"], "time": { "grain": "year" } }""", "sales_by_location")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["channel"], "time": { "grain": "hour" } }""", "sales_hourly")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "grain": "hour" } }""", "sales_hourly")]
    [InlineData("""{ "metrics": ["revenue", "spend"], "dimensions": ["location"] }""", "sales_by_location,marketing_daily")]
    [InlineData("""{ "metrics": ["cost_per_lead"], "dimensions": ["location"] }""", "marketing_daily")]
    public void The_smallest_rollup_that_holds_everything_the_query_needs_answers(string spec, string rollup)
    {
        Assert.Equal(rollup, Compile(spec).Rollup);
    }

    [Theory]
    [InlineData("""{ "metrics": ["orders"] }""")] // a distinct count
    [InlineData("""{ "metrics": ["aov"] }""")] // derived from a distinct count
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["line_number"] }""")] // a dimension no rollup has
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_amount", "op": "gt", "values": [5] } ] }""")]
    [InlineData("""{ "metrics": ["revenue"], "segments": ["big_lines"] }""")] // a segment on a dimension no rollup has
    [InlineData("""{ "metrics": ["paint_revenue"], "time": { "grain": "hour" } }""")] // the hourly rollup lacks it
    [InlineData("""{ "metrics": ["list_value"] }""")] // a measure no rollup lists
    public void Queries_no_rollup_can_answer_read_the_fact_tables(string spec)
    {
        var compiled = Compile(spec);

        Assert.Null(compiled.Rollup);
        Assert.DoesNotContain("\"rollups\"", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_branch_scope_is_enforced_on_the_rollups_branch_column()
    {
        var compiled = Compile("""{ "metrics": ["revenue"], "dimensions": ["location"] }""", new QueryScope(["north"], null, 30));

        Assert.Equal("sales_by_location", compiled.Rollup);
        Assert.Contains("(\"f\".\"s_branch\" in (select \"scope_location\".\"location_key\"", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("north", compiled.Rows.Parameters);
    }

    [Fact]
    public void An_employee_scope_reads_the_fact_table_as_a_rollup_cannot_tell_employees_apart()
    {
        var compiled = Compile("""{ "metrics": ["revenue"], "dimensions": ["location"] }""", new QueryScope(null, "e-1", null));

        Assert.Null(compiled.Rollup);
        Assert.Contains("\"gold\".\"fact_sales\"", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollups_can_be_turned_off()
    {
        var compiled = QueryCompiler.Compile(RollupTestModel.Model, Specs.Parse("""{ "metrics": ["revenue"] }"""), QueryScope.Unrestricted,
                                             new CompileContext(SqlDialect.DuckDb, Specs.Today) { UseRollups = false });

        Assert.Null(compiled.Rollup);
    }

    [Fact]
    public void A_rollup_re_aggregates_sums_counts_maxima_and_averages_from_its_partials()
    {
        var compiled = Compile("""
            { "metrics": ["revenue", "lines", "largest_line", "average_line"], "dimensions": ["location"],
              "time": { "grain": "month", "range": { "from": "2025-01-01", "to": "2025-02-28" } } }
            """, dialect: SqlDialect.PostgreSql);

        var sql = compiled.Rows.Sql;
        Assert.Contains("from \"rollups\".\"sales_by_location\" \"f\"", sql, StringComparison.Ordinal);
        Assert.Contains("coalesce(sum(\"f\".\"m_revenue\"), (0)) as \"m_revenue\"", sql, StringComparison.Ordinal);
        Assert.Contains("cast(coalesce(sum(\"f\".\"m_lines\"), (0)) as bigint) as \"m_lines\"", sql, StringComparison.Ordinal);
        Assert.Contains("max(\"f\".\"m_largest_line\") as \"m_largest_line\"", sql, StringComparison.Ordinal);
        Assert.Contains("(cast(sum(\"f\".\"m_average_line_sum\") as numeric) / nullif(sum(\"f\".\"m_average_line_count\"), 0))", sql,
                        StringComparison.Ordinal);
        Assert.Contains("cast(date_trunc('month', cast(\"f\".\"t\" as timestamp)) as date) as \"t\"", sql, StringComparison.Ordinal);
        Assert.Contains("(\"f\".\"t\" >= $1)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("join", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hour_grain_from_an_hourly_rollup_combines_its_date_and_hour_columns()
    {
        var compiled = Compile("""{ "metrics": ["revenue"], "time": { "grain": "hour" } }""");

        Assert.Contains("(cast(\"f\".\"t\" as timestamp) + to_hours(cast(\"f\".\"h\" as bigint))) as \"t\"", compiled.Rows.Sql,
                        StringComparison.Ordinal);
    }

    private static CompiledQuery Compile(string spec, QueryScope? scope = null, SqlDialect dialect = SqlDialect.DuckDb) =>
        QueryCompiler.Compile(RollupTestModel.Model, Specs.Parse(spec), scope ?? QueryScope.Unrestricted,
                              new CompileContext(dialect, Specs.Today));
}
