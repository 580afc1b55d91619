using Northstar.Testing;

namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>
/// Every metric of the shipped model on PostgreSQL, against its plain SQL: totals, months, two filtered branches and the
/// previous period from the fact tables, and totals, months and branches again with rollups on.
/// </summary>
public sealed class PostgresMetricVerificationTests(PostgresDemo demo) : IClassFixture<PostgresDemo>
{
    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Total_over_a_range_matches_plain_sql(string metric) =>
        await MetricScenarios.Total_matches_plain_sql(await demo.Facts, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Each_month_matches_plain_sql_over_its_dates(string metric) =>
        await MetricScenarios.Each_month_matches_plain_sql_over_its_dates(await demo.Facts, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Each_of_two_filtered_branches_matches_plain_sql(string metric) =>
        await MetricScenarios.Each_of_two_filtered_branches_matches_plain_sql(await demo.Facts, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Previous_period_matches_plain_sql_with_consistent_deltas(string metric) =>
        await MetricScenarios.Previous_period_matches_plain_sql_with_consistent_deltas(await demo.Facts, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Total_with_rollups_on_matches_plain_sql(string metric) =>
        await MetricScenarios.Total_matches_plain_sql(await demo.Rollups, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Each_month_with_rollups_on_matches_plain_sql(string metric) =>
        await MetricScenarios.Each_month_matches_plain_sql_over_its_dates(await demo.Rollups, metric);

    [PostgresTheory]
    [MemberData(nameof(MetricChecks.Metrics), MemberType = typeof(MetricChecks))]
    public async Task Each_of_two_filtered_branches_with_rollups_on_matches_plain_sql(string metric) =>
        await MetricScenarios.Each_of_two_filtered_branches_matches_plain_sql(await demo.Rollups, metric);

    [PostgresFact]
    public async Task With_rollups_on_revenue_is_answered_from_a_rollup_and_off_from_the_fact_table() =>
        await MetricScenarios.Revenue_is_answered_from_a_rollup_only_with_rollups_on(await demo.Facts, await demo.Rollups);
}
