using Northstar.Core.Analyses;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Analyses;

/// <summary>A spec naming an analysis takes a range and dimension filters of sales only; every mistake names its field.</summary>
public sealed class AnalysisValidationTests
{
    [Fact]
    public void The_analyses_are_listed_by_name()
    {
        Assert.Equal(["cohort_retention", "customer_value", "customer_segments"], NamedAnalyses.Names);
    }

    [Fact]
    public void An_unknown_analysis_is_refused_with_the_names_that_exist()
    {
        var error = Assert.Single(AnalysisSpecs.Errors("""{ "analysis": "churn" }"""));

        Assert.Equal("analysis", error.Field);
        Assert.Equal("Unknown analysis 'churn'; use one of cohort_retention, customer_value, customer_segments.", error.Message);
    }

    [Theory]
    [InlineData("""{ "analysis": "customer_value", "metrics": ["revenue"] }""", "metrics")]
    [InlineData("""{ "analysis": "customer_value", "dimensions": ["location"] }""", "dimensions")]
    [InlineData("""{ "analysis": "customer_value", "compare": "previous_period" }""", "compare")]
    [InlineData("""{ "analysis": "customer_value", "order": [ { "member": "customers" } ] }""", "order")]
    [InlineData("""{ "analysis": "customer_value", "limit": 3 }""", "limit")]
    [InlineData("""{ "analysis": "customer_value", "segments": ["refund_lines"] }""", "segments")]
    [InlineData("""{ "analysis": "cohort_retention", "time": { "grain": "month" } }""", "time.grain")]
    [InlineData("""{ "analysis": "cohort_retention", "time": { "dimension": "created_date" } }""", "time.dimension")]
    [InlineData("""{ "analysis": "customer_segments", "time": { "range": { "preset": "last_9_days" } } }""", "time.range.preset")]
    [InlineData("""{ "analysis": "customer_segments", "time": { "range": { "from": "2025-02-01", "to": "2025-01-01" } } }""", "time.range.from")]
    [InlineData("""{ "analysis": "customer_segments", "filters": [ { "member": "revenue", "op": "gt", "values": [1] } ] }""", "filters[0].member")]
    [InlineData("""{ "analysis": "customer_segments", "filters": [ { "member": "lead_source", "op": "equals", "values": ["x"] } ] }""", "filters[0].member")]
    [InlineData("""{ "analysis": "customer_segments", "filters": [ { "member": "location_id", "op": "starts", "values": ["x"] } ] }""", "filters[0].op")]
    [InlineData("""{ "analysis": "customer_segments", "filters": [ { "member": "hour_of_day", "op": "equals", "values": ["noon"] } ] }""", "filters[0].values[0]")]
    public void A_field_an_analysis_does_not_take_or_a_wrong_value_is_refused_by_its_field(string spec, string field)
    {
        var error = Assert.Single(AnalysisSpecs.Errors(spec));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Every_error_of_a_spec_is_reported_at_once()
    {
        var errors = AnalysisSpecs.Errors("""
            { "analysis": "nope", "metrics": ["revenue"], "filters": [ { "member": "nope", "op": "equals", "values": ["x"] } ] }
            """);

        Assert.Equal(["analysis", "metrics", "filters[0].member"], errors.Select(error => error.Field));
    }

    [Fact]
    public void A_caller_who_cannot_read_sales_gets_the_refusal_of_a_sales_metric()
    {
        // Sales has branch and employee columns: every scope can read it, so a model whose sales lacks them is needed to
        // see the refusal; the shipped model's is checked through the same access rule as metrics (QueryCompiler).
        var scoped = AnalysisSpecs.Compile("""{ "analysis": "customer_value" }""", new QueryScope(["north"], "e-1", 30));
        Assert.Contains("e-1", scoped.Rows.Parameters);

        var error = Assert.Single(Assert.Throws<QueryValidationException>(() => QueryCompiler.Compile(
            UnscopedSales.Model, new QuerySpec { Analysis = "customer_value" }, new QueryScope(["north"], null, null),
            new CompileContext(SqlDialect.DuckDb, AnalysisSpecs.Today))).Errors);
        Assert.Equal("analysis", error.Field);
        Assert.Equal("You do not have access to Revenue.", error.Message);
    }

    [Fact]
    public void A_viewer_window_clamps_the_range_and_an_all_time_question_to_the_last_days()
    {
        var window = new QueryScope(null, null, 30);

        Assert.Equal(new DateRange(new DateOnly(2025, 4, 21), AnalysisSpecs.Today),
                     AnalysisSpecs.Compile("""{ "analysis": "customer_segments" }""", window).Range);
        var outside = Assert.Single(AnalysisSpecs.Errors("""
            { "analysis": "customer_segments", "time": { "range": { "from": "2024-01-01", "to": "2024-01-31" } } }
            """, window));
        Assert.Equal("time.range", outside.Field);
    }
}
