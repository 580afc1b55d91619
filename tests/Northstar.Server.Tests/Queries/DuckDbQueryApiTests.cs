using Northstar.Server.Tests.Ingest;

namespace Northstar.Server.Tests.Queries;

/// <summary>The query API on embedded DuckDB, each test in a temp folder of its own.</summary>
public sealed class DuckDbQueryApiTests
{
    [Fact]
    public Task Revenue_totals_and_days_match_plain_sql() => QueryScenarios.Revenue_matches_plain_sql(TestEngine.DuckDb);

    [Fact]
    public Task After_an_ingest_that_changes_revenue_the_next_identical_query_returns_the_new_value() =>
        QueryScenarios.The_next_identical_query_after_an_ingest_returns_the_new_value(TestEngine.DuckDb);

    [Fact]
    public Task With_redis_unreachable_no_request_fails() => QueryScenarios.With_redis_unreachable_no_request_fails(TestEngine.DuckDb);

    [Fact]
    public Task Invalid_specs_are_400s_naming_the_field() => QueryScenarios.Invalid_specs_are_400s_naming_the_field(TestEngine.DuckDb);

    [Fact]
    public Task A_batch_streams_one_line_per_query_and_runs_duplicates_once() =>
        QueryScenarios.A_batch_streams_one_line_per_query_and_runs_duplicates_once(TestEngine.DuckDb);

    [Fact]
    public Task A_batch_over_fifty_queries_is_refused() => QueryScenarios.A_batch_over_fifty_queries_is_refused(TestEngine.DuckDb);

    [Fact]
    public Task The_model_lists_its_members_without_sql_names() => QueryScenarios.The_model_lists_its_members_without_sql_names(TestEngine.DuckDb);

    [Fact]
    public Task Concurrent_identical_queries_run_once() => QueryScenarios.Concurrent_identical_queries_run_once(TestEngine.DuckDb);

    [Fact]
    public Task Explain_adds_the_statements_and_their_parameters_only_when_asked() =>
        QueryScenarios.Explain_adds_the_statements_and_their_parameters_only_when_asked(TestEngine.DuckDb);
}
