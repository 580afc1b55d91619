using Northstar.Server.Tests.Ingest;
using Northstar.Testing;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Sessions on PostgreSQL, each test in a database of its own.</summary>
public sealed class PostgresSessionTests
{
    [PostgresFact]
    public Task The_old_cookie_is_rejected_after_logout() =>
        SessionScenarios.The_old_cookie_is_rejected_after_logout(TestEngine.Postgres);

    [PostgresFact]
    public Task A_password_change_ends_the_other_sessions_and_replaces_the_current_one() =>
        SessionScenarios.A_password_change_ends_the_other_sessions_and_replaces_the_current_one(TestEngine.Postgres);

    [PostgresFact]
    public Task The_old_cookie_is_rejected_after_a_role_change() =>
        SessionScenarios.The_old_cookie_is_rejected_after_a_role_change(TestEngine.Postgres);

    [PostgresFact]
    public Task The_old_cookie_is_rejected_after_deactivation_and_sign_in_is_refused() =>
        SessionScenarios.The_old_cookie_is_rejected_after_deactivation_and_sign_in_is_refused(TestEngine.Postgres);

    [PostgresFact]
    public Task A_session_ends_after_two_idle_hours_but_not_while_in_use() =>
        SessionScenarios.A_session_ends_after_two_idle_hours_but_not_while_in_use(TestEngine.Postgres);

    [PostgresFact]
    public Task A_session_ends_twelve_hours_after_sign_in_however_busy() =>
        SessionScenarios.A_session_ends_twelve_hours_after_sign_in_however_busy(TestEngine.Postgres);
}
