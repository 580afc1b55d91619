using Northstar.Testing;
using Northstar.Server.Tests.Queries.Verification;

namespace Northstar.Server.Tests.Analyses;

/// <summary>The analyses on the PostgreSQL demo, through the API, against plain SQL.</summary>
public sealed class PostgresAnalysisTests(PostgresDemo demo) : IClassFixture<PostgresDemo>
{
    [PostgresTheory]
    [MemberData(nameof(AnalysisScenarios.Names), MemberType = typeof(AnalysisScenarios))]
    public async Task All_time_a_90_day_range_and_one_branch_through_query_and_batch_equal_plain_sql(string analysis) =>
        await AnalysisScenarios.Each_situation_through_query_and_batch_equals_plain_sql(await demo.Facts, analysis);

    [PostgresFact]
    public async Task A_manager_of_one_branch_gets_the_numbers_of_that_branch_only() =>
        await AnalysisScenarios.A_manager_of_one_branch_gets_the_numbers_of_that_branch_only(await demo.Facts);

    [PostgresFact]
    public async Task A_second_identical_request_is_answered_from_the_cache() =>
        await AnalysisScenarios.A_second_identical_request_is_answered_from_the_cache(await demo.Facts);

    [PostgresFact]
    public async Task With_rollups_on_the_customer_rollup_answers_and_the_numbers_are_the_same() =>
        await AnalysisScenarios.With_rollups_on_the_customer_rollup_answers_and_the_numbers_are_the_same(await demo.Rollups);
}
