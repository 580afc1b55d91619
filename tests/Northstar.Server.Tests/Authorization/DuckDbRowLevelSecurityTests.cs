using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Queries.Verification;

namespace Northstar.Server.Tests.Authorization;

/// <summary>Row-level security on the demo company on DuckDB (<see cref="RowLevelSecurityScenarios"/>).</summary>
public sealed class DuckDbRowLevelSecurityTests(DuckDbDemo demo) : IClassFixture<DuckDbDemo>
{
    [Fact]
    public async Task A_manager_sees_only_the_rows_of_their_branch() =>
        await RowLevelSecurityScenarios.A_manager_sees_only_the_rows_of_their_branch(await demo.Facts);

    [Fact]
    public async Task A_manager_sees_only_the_rows_of_their_branch_with_rollups_on() =>
        await RowLevelSecurityScenarios.A_manager_sees_only_the_rows_of_their_branch(await demo.Rollups);

    [Fact]
    public async Task A_staff_member_sees_only_their_own_sales_and_appointments() =>
        await RowLevelSecurityScenarios.A_staff_member_sees_only_their_own_sales_and_appointments(await demo.Facts);

    [Fact]
    public async Task A_viewer_never_sees_data_older_than_30_days() =>
        await RowLevelSecurityScenarios.A_viewer_never_sees_data_older_than_30_days(await demo.Facts);

    [Fact]
    public async Task A_viewer_never_sees_data_older_than_30_days_with_rollups_on() =>
        await RowLevelSecurityScenarios.A_viewer_never_sees_data_older_than_30_days(await demo.Rollups);

    [Fact]
    public async Task A_tampered_branch_never_widens_a_managers_answer() =>
        await RowLevelSecurityScenarios.A_tampered_branch_never_widens_a_managers_answer(await demo.Facts);

    [Fact]
    public async Task A_tampered_branch_never_widens_a_managers_answer_with_rollups_on() =>
        await RowLevelSecurityScenarios.A_tampered_branch_never_widens_a_managers_answer(await demo.Rollups);

    [Fact]
    public async Task A_subject_without_the_scope_column_a_role_needs_is_refused_and_hidden() =>
        await RowLevelSecurityScenarios.A_subject_without_the_scope_column_a_role_needs_is_refused_and_hidden(await demo.Facts);

    [Fact]
    public async Task Explain_is_refused_to_a_manager_and_audited_for_a_super_admin() =>
        await RowLevelSecurityScenarios.Explain_is_refused_to_a_manager_and_audited_for_a_super_admin(await demo.Facts);

    [Fact]
    public async Task Two_users_with_the_same_question_but_different_branches_never_share_a_cached_answer() =>
        await RowLevelSecurityScenarios.Two_users_with_the_same_question_but_different_branches_never_share_a_cached_answer(
            await demo.Facts);

    [Fact]
    public async Task A_branch_id_spelling_two_branches_does_not_share_their_cached_answer() =>
        await RowLevelSecurityScenarios.A_branch_id_spelling_two_branches_does_not_share_their_cached_answer(await demo.Facts);

    [Fact]
    public async Task A_batch_shares_identical_queries_only_within_its_callers_scope() =>
        await RowLevelSecurityScenarios.A_batch_shares_identical_queries_only_within_its_callers_scope(await demo.Facts);

    [Fact]
    public Task A_subject_without_a_scope_column_is_for_super_admins_only() =>
        UnscopedSubjectScenarios.A_subject_without_a_scope_column_is_for_super_admins_only(TestEngine.DuckDb);
}
