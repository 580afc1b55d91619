using Northstar.Server.Tests.Ingest;
using Northstar.Testing;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The account stores on PostgreSQL, each test in a database of its own.</summary>
public sealed class PostgresStoreTests
{
    [PostgresFact]
    public Task Users_are_created_once_per_email_and_updated_with_their_branches() =>
        StoreScenarios.Users_are_created_once_per_email_and_updated_with_their_branches(TestEngine.Postgres);

    [PostgresFact]
    public Task Sessions_are_stored_as_hashes_and_end_when_revoked() =>
        StoreScenarios.Sessions_are_stored_as_hashes_and_end_when_revoked(TestEngine.Postgres);

    [PostgresFact]
    public Task Tokens_keep_their_role_and_branches_and_are_found_only_by_the_whole_token() =>
        StoreScenarios.Tokens_keep_their_role_and_branches_and_are_found_only_by_the_whole_token(TestEngine.Postgres);

    [PostgresFact]
    public Task The_initial_admin_is_created_once_with_the_configured_password() =>
        StoreScenarios.The_initial_admin_is_created_once_with_the_configured_password(TestEngine.Postgres);
}
