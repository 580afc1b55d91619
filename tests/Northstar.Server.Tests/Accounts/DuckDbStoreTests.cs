using Northstar.Server.Tests.Ingest;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The account stores on DuckDB.</summary>
public sealed class DuckDbStoreTests
{
    [Fact]
    public Task Users_are_created_once_per_email_and_updated_with_their_branches() =>
        StoreScenarios.Users_are_created_once_per_email_and_updated_with_their_branches(TestEngine.DuckDb);

    [Fact]
    public Task Sessions_are_stored_as_hashes_and_end_when_revoked() =>
        StoreScenarios.Sessions_are_stored_as_hashes_and_end_when_revoked(TestEngine.DuckDb);

    [Fact]
    public Task Tokens_keep_their_role_and_branches_and_are_found_only_by_the_whole_token() =>
        StoreScenarios.Tokens_keep_their_role_and_branches_and_are_found_only_by_the_whole_token(TestEngine.DuckDb);

    [Fact]
    public Task The_initial_admin_is_created_once_with_the_configured_password() =>
        StoreScenarios.The_initial_admin_is_created_once_with_the_configured_password(TestEngine.DuckDb);
}
