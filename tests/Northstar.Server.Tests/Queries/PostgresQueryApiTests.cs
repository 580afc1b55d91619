using Northstar.Server.Tests.Ingest;
using Northstar.Testing;

namespace Northstar.Server.Tests.Queries;

/// <summary>The query API on PostgreSQL, each test on a database of its own.</summary>
public sealed class PostgresQueryApiTests
{
    [PostgresFact]
    public Task Revenue_totals_and_days_match_plain_sql() => QueryScenarios.Revenue_matches_plain_sql(TestEngine.Postgres);

    [PostgresFact]
    public Task After_an_ingest_that_changes_revenue_the_next_identical_query_returns_the_new_value() =>
        QueryScenarios.The_next_identical_query_after_an_ingest_returns_the_new_value(TestEngine.Postgres);

    [PostgresFact]
    public Task With_redis_unreachable_no_request_fails() => QueryScenarios.With_redis_unreachable_no_request_fails(TestEngine.Postgres);

    [PostgresFact]
    public Task Invalid_specs_are_400s_naming_the_field() => QueryScenarios.Invalid_specs_are_400s_naming_the_field(TestEngine.Postgres);

    [PostgresFact]
    public Task A_batch_streams_one_line_per_query_and_runs_duplicates_once() =>
        QueryScenarios.A_batch_streams_one_line_per_query_and_runs_duplicates_once(TestEngine.Postgres);

    [PostgresFact]
    public Task The_model_lists_its_members_without_sql_names() => QueryScenarios.The_model_lists_its_members_without_sql_names(TestEngine.Postgres);

    [PostgresFact]
    public Task Concurrent_identical_queries_run_once() => QueryScenarios.Concurrent_identical_queries_run_once(TestEngine.Postgres);

    [PostgresFact]
    public Task Explain_adds_the_statements_and_their_parameters_only_when_asked() =>
        QueryScenarios.Explain_adds_the_statements_and_their_parameters_only_when_asked(TestEngine.Postgres);
}
