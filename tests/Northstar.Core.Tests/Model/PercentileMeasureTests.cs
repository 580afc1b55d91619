using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Tests.Compiling;
using static Northstar.Core.Tests.ModelLoading.ModelYaml;

namespace Northstar.Core.Tests.ModelLoading;

/// <summary>
/// A percentile measure (<c>percentile: column</c>, <c>at: 0.95</c>): validated when the model loads, rendered per dialect,
/// never answered from a rollup, and computed again over all the rows for totals.
/// </summary>
public sealed class PercentileMeasureTests
{
    private const string Requests = """
        company: { time_zone: America/Chicago }
        subjects:
          requests:
            label: Requests
            table: gold.fact_requests
            data_subject: system
            time:
              request_date: { label: Request date, date: local_date, hour: local_hour }
            dimensions:
              route: { label: Route, column: route }
              status: { label: Status, column: status, type: integer }
            measures:
              requests: { label: Requests, count: true }
              total_ms: { label: Total time, sum: duration_ms }
              p95_ms: { label: p95, percentile: duration_ms, at: 0.95 }
              ok_p50_ms:
                label: p50 of successes
                percentile: duration_ms
                at: 0.5
                where: [ { member: status, op: lt, values: [400] } ]
              p95_per_request: { label: p95 per request, expr: "{p95_ms} / {requests}" }
        rollups:
          requests_daily: { subject: requests, time: request_date, grain: day, dimensions: [route], measures: [requests, total_ms] }
        """;

    private static readonly SemanticModel Model = Parse(Requests);

    [Fact]
    public void A_percentile_measure_has_its_fraction_and_numeric_values()
    {
        var p95 = Assert.IsType<Measure>(Model.Metrics["p95_ms"]);

        Assert.Equal((Aggregation.Percentile, 0.95m, new ColumnRef(null, "duration_ms")), (p95.Aggregation, p95.Fraction, p95.Column));
        Assert.Equal((DataType.Number, ValueFormat.Number), (p95.Type, p95.Format));
        Assert.False(p95.IsAdditive);
        Assert.Null(((Measure)Model.Metrics["requests"]).Fraction);
    }

    [Fact]
    public void PostgreSQL_renders_percentile_cont_within_group_with_the_measures_filter()
    {
        var sql = Compile("""{ "metrics": ["p95_ms", "ok_p50_ms"] }""", SqlDialect.PostgreSql).Totals.Sql;

        Assert.Contains("percentile_cont(0.95) within group (order by \"f\".\"duration_ms\") as \"m_p95_ms\"", sql, StringComparison.Ordinal);
        Assert.Contains("percentile_cont(0.5) within group (order by \"f\".\"duration_ms\") filter (where (\"f\".\"status\" < $1)) as \"m_ok_p50_ms\"",
                        sql, StringComparison.Ordinal);
    }

    [Fact]
    public void DuckDB_renders_quantile_cont_with_the_measures_filter()
    {
        var sql = Compile("""{ "metrics": ["p95_ms", "ok_p50_ms"] }""", SqlDialect.DuckDb).Totals.Sql;

        Assert.Contains("quantile_cont(\"f\".\"duration_ms\", 0.95) as \"m_p95_ms\"", sql, StringComparison.Ordinal);
        Assert.Contains("quantile_cont(\"f\".\"duration_ms\", 0.5) filter (where (\"f\".\"status\" < $1)) as \"m_ok_p50_ms\"",
                        sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "metrics": ["p95_ms"], "dimensions": ["route"], "time": { "grain": "day" } }""")]
    [InlineData("""{ "metrics": ["requests", "p95_ms"], "dimensions": ["route"] }""")]
    [InlineData("""{ "metrics": ["p95_per_request"], "time": { "grain": "month" } }""")]
    public void A_query_needing_a_percentile_reads_the_fact_table_though_a_rollup_holds_its_other_members(string spec)
    {
        var compiled = Compile(spec, SqlDialect.DuckDb);

        Assert.Null(compiled.Rollup);
        Assert.DoesNotContain("\"rollups\"", compiled.Rows.Sql, StringComparison.Ordinal);
        Assert.Equal("requests_daily", Compile("""{ "metrics": ["requests"], "dimensions": ["route"] }""", SqlDialect.DuckDb).Rollup);
    }

    [Fact]
    public void Totals_compute_the_percentile_again_over_every_row_instead_of_combining_the_groups()
    {
        var compiled = Compile("""{ "metrics": ["p95_ms"], "dimensions": ["route"] }""", SqlDialect.PostgreSql);

        Assert.Contains("percentile_cont(0.95) within group (order by \"f\".\"duration_ms\")", compiled.Totals.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("group by", compiled.Totals.Sql, StringComparison.Ordinal);
        Assert.Contains("group by \"f\".\"route\"", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("at: 0.95", "at: 1", "'1' is not a fraction")]
    [InlineData("at: 0.95", "at: 0", "'0' is not a fraction")]
    [InlineData("at: 0.95", "at: 1.5", "'1.5' is not a fraction")]
    [InlineData("at: 0.95", "at: -0.5", "'-0.5' is not a fraction")]
    [InlineData("at: 0.95", "at: p95", "'p95' is not a fraction")]
    public void A_percentile_at_a_fraction_outside_zero_to_one_is_refused(string fragment, string replacement, string message)
    {
        var text = Requests.With(fragment, replacement);

        var error = ErrorAbout(Errors(text), "subjects.requests.measures.p95_ms.at");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, replacement), error.Line);
    }

    [Fact]
    public void A_percentile_without_at_is_refused()
    {
        var error = ErrorAbout(Errors(Requests.With(", at: 0.95 }", " }")), "subjects.requests.measures.p95_ms");

        Assert.Equal("'at' is required", error.Message);
    }

    [Fact]
    public void At_on_another_aggregation_is_refused()
    {
        var error = ErrorAbout(Errors(Requests.With("sum: duration_ms }", "sum: duration_ms, at: 0.5 }")),
                               "subjects.requests.measures.total_ms.at");

        Assert.Contains("only a percentile measure takes 'at'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_percentile_of_something_that_is_not_a_column_is_refused()
    {
        var error = ErrorAbout(Errors(Requests.With("percentile: duration_ms, at: 0.95", "percentile: duration-ms, at: 0.95")),
                               "subjects.requests.measures.p95_ms.percentile");

        Assert.Contains("'duration-ms' is not a column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollup_listing_a_percentile_is_refused_with_the_reason()
    {
        var text = Requests.With("measures: [requests, total_ms]", "measures: [requests, p95_ms]");

        var error = ErrorAbout(Errors(text), "rollups.requests_daily.measures[1]");

        Assert.Contains("'p95_ms' is a percentile: the percentile of a range is not computable from the percentiles of its days",
                        error.Message, StringComparison.Ordinal);
    }

    private static CompiledQuery Compile(string spec, SqlDialect dialect) =>
        QueryCompiler.Compile(Model, Specs.Parse(spec), QueryScope.Unrestricted, new CompileContext(dialect, Specs.Today));
}
