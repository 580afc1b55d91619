using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Analyses;

/// <summary>
/// An analysis compiles to an ordinary compiled query: over the data subject sales, keyed by everything that changes its
/// answer, with the caller's scope and the spec's filters in every row it reads, and no request value in its SQL text.
/// </summary>
public sealed class AnalysisCompilingTests
{
    private const string Range = """ "time": { "range": { "from": "2025-02-01", "to": "2025-04-30" } } """;

    [Theory]
    [InlineData("cohort_retention")]
    [InlineData("customer_value")]
    [InlineData("customer_segments")]
    public void An_analysis_reads_the_sales_data_subject_over_the_range_asked(string analysis)
    {
        var compiled = AnalysisSpecs.Compile($$"""{ "analysis": "{{analysis}}", {{Range}} }""");

        Assert.Equal(["sales"], compiled.Subjects);
        Assert.Equal(new DateRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 30)), compiled.Range);
        Assert.Null(compiled.Comparison);
        Assert.Contains($"analysis={analysis}", compiled.NormalizedKey, StringComparison.Ordinal);
    }

    [Fact]
    public void The_normalized_key_differs_by_analysis_range_filter_and_scope_and_not_by_filter_order()
    {
        const string North = """{ "member": "location_id", "op": "equals", "values": ["north"] }""";
        const string Paint = """{ "member": "category", "op": "in", "values": ["Paint", "Tools"] }""";
        string Key(string json, QueryScope? scope = null) => AnalysisSpecs.Compile(json, scope).NormalizedKey;

        var keys = new[]
        {
            Key($$"""{ "analysis": "customer_value", {{Range}} }"""),
            Key($$"""{ "analysis": "customer_segments", {{Range}} }"""),
            Key("""{ "analysis": "customer_value" }"""),
            Key("""{ "analysis": "customer_value", "time": { "range": { "preset": "last_90_days" } } }"""),
            Key($$"""{ "analysis": "customer_value", {{Range}}, "filters": [{{North}}] }"""),
            Key($$"""{ "analysis": "customer_value", {{Range}}, "filters": [{{North}}, {{Paint}}] }"""),
            Key($$"""{ "analysis": "customer_value", {{Range}} }""", new QueryScope(["north"], null, null)),
            Key($$"""{ "analysis": "customer_value", {{Range}} }""", new QueryScope(["south"], null, null)),
            Key($$"""{ "analysis": "customer_value", {{Range}} }""", new QueryScope(null, "e-1", null)),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());

        Assert.Equal(
            Key($$"""{ "analysis": "customer_value", {{Range}}, "filters": [{{North}}, {{Paint}}] }"""),
            Key($$"""{ "analysis": "customer_value", {{Range}}, "filters": [{{Paint}}, {{North}}] }"""));
        Assert.Equal(
            Key("""{ "analysis": "cohort_retention", "time": { "range": { "preset": "last_90_days" } } }"""),
            Key("""{ "analysis": "cohort_retention", "time": { "range": { "from": "2025-02-20", "to": "2025-05-20" } } }"""));
    }

    [Theory]
    [InlineData("cohort_retention", SqlDialect.DuckDb)]
    [InlineData("customer_value", SqlDialect.DuckDb)]
    [InlineData("customer_segments", SqlDialect.DuckDb)]
    [InlineData("cohort_retention", SqlDialect.PostgreSql)]
    [InlineData("customer_value", SqlDialect.PostgreSql)]
    [InlineData("customer_segments", SqlDialect.PostgreSql)]
    public void Every_aggregate_of_sales_carries_the_scope_and_the_filters_in_rows_and_totals(string analysis, SqlDialect dialect)
    {
        var compiled = AnalysisSpecs.Compile($$"""
            { "analysis": "{{analysis}}", {{Range}}, "filters": [ { "member": "region", "op": "equals", "values": ["Midwest"] } ] }
            """, new QueryScope(["north"], "e-7", null), dialect);

        foreach (var statement in new[] { compiled.Rows, compiled.Totals })
        {
            // Each read of the sales facts (one, or two for customer value over a range) has every condition.
            var reads = Count(statement.Sql, "from \"gold\".\"fact_sales\" \"f\"");
            Assert.InRange(reads, 1, 2);
            Assert.Equal(reads, Count(statement.Sql, "\"f\".\"location_key\" in (select \"scope_location\".\"location_key\""));
            Assert.Equal(reads, Count(statement.Sql, "\"f\".\"employee_key\" in (select \"scope_employee\".\"employee_key\""));
            Assert.Equal(reads, Count(statement.Sql, "(\"location\".\"region\" = $"));
            Assert.Equal(reads, Count(statement.Sql, "(\"customer\".\"customer_id\" <> $"));
            Assert.Equal(reads, statement.Parameters.Count(value => value is "north"));
            Assert.Equal(reads, statement.Parameters.Count(value => value is "e-7"));
            Assert.Equal(reads, statement.Parameters.Count(value => value is "Midwest"));
        }

        // An employee scope cannot be enforced on a rollup (it has no employee column): the facts answer.
        Assert.Null(compiled.Rollup);
    }

    [Fact]
    public void A_rollup_keyed_by_customer_and_branch_answers_an_analysis_filtered_by_branch()
    {
        var compiled = AnalysisSpecs.Compile($$"""
            { "analysis": "customer_segments", {{Range}}, "filters": [ { "member": "location_id", "op": "equals", "values": ["north"] } ] }
            """, new QueryScope(["north"], null, null));

        Assert.Equal("sales_customers_daily", compiled.Rollup);
        Assert.Contains("from \"rollups\".\"sales_customers_daily\" \"f\"", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Contains("\"f\".\"s_branch\" in (select", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Null(AnalysisSpecs.Compile($$"""{ "analysis": "customer_segments", {{Range}} }""", useRollups: false).Rollup);
    }

    [Theory]
    [InlineData("cohort_retention")]
    [InlineData("customer_value")]
    [InlineData("customer_segments")]
    public void No_value_of_the_request_reaches_the_sql_text(string analysis)
    {
        const string Attack = "x'; drop table gold.fact_sales; --";
        var compiled = AnalysisSpecs.Compile($$"""
            { "analysis": "{{analysis}}", {{Range}},
              "filters": [ { "member": "channel", "op": "in", "values": ["{{Attack.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "2025-02-01"] },
                           { "member": "product", "op": "contains", "values": ["{{Attack}}"] } ] }
            """, new QueryScope(["branch' or 1=1"], null, null));

        foreach (var statement in new[] { compiled.Rows, compiled.Totals })
        {
            Assert.DoesNotContain("drop table", statement.Sql, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("2025-02-01", statement.Sql, StringComparison.Ordinal);
            Assert.DoesNotContain("or 1=1", statement.Sql, StringComparison.Ordinal);
            Assert.DoesNotContain("unknown", statement.Sql, StringComparison.Ordinal);
            Assert.Contains(Attack, statement.Parameters);
            Assert.Contains("branch' or 1=1", statement.Parameters);
        }
    }

    [Fact]
    public void The_months_of_each_cohort_are_a_series_of_rows_on_both_dialects()
    {
        var duckDb = AnalysisSpecs.Compile("""{ "analysis": "cohort_retention" }""", dialect: SqlDialect.DuckDb).Rows.Sql;
        var postgres = AnalysisSpecs.Compile("""{ "analysis": "cohort_retention" }""", dialect: SqlDialect.PostgreSql).Rows.Sql;

        // DuckDB's generate_series gives a list, unnested into rows; PostgreSQL's returns the rows itself.
        Assert.Contains("unnest(generate_series(cast((0) as bigint), ", duckDb, StringComparison.Ordinal);
        Assert.Contains(" generate_series(cast((0) as bigint), ", postgres, StringComparison.Ordinal);
        Assert.DoesNotContain("unnest", postgres, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
