using Northstar.Server.Accounts;
using Northstar.Server.Tests.Ingest;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The account, session and token stores on either engine, through the app's own services.</summary>
internal static class StoreScenarios
{
    public static async Task Users_are_created_once_per_email_and_updated_with_their_branches(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var store = app.Service<AccountStore>();

        var created = await store.CreateAsync(new NewUser("Mixed.Case@Test.Northstar.local", "Mixed", Role.Manager, ["B2", "B1"], null), "hash", default);
        var again = await store.CreateAsync(new NewUser("mixed.case@test.northstar.local", "Again", Role.Viewer, [], null), "hash", default);
        var updated = await store.UpdateAsync(created!.Id, new UserChanges(Role: Role.Staff, Branches: ["B2", "B3"], EmployeeId: "E9"), default);
        var cleared = await store.UpdateAsync(created.Id, new UserChanges(EmployeeId: ""), default);
        var listed = await store.ListAsync(default);

        Assert.Null(again);
        Assert.Equal("mixed.case@test.northstar.local", created.Email);
        Assert.Equal(["B1", "B2"], created.Branches);
        Assert.Equal(Role.Staff, updated!.Role);
        Assert.Equal(["B2", "B3"], updated.Branches);
        Assert.Equal("E9", updated.EmployeeId);
        Assert.Null(cleared!.EmployeeId);
        Assert.Equal(["B2", "B3"], listed.Single(user => user.Id == created.Id).Branches);
        Assert.Equal(2, listed.Count);
        Assert.Null(await store.UpdateAsync(999_999, new UserChanges(DisplayName: "Ghost"), default));
    }

    public static async Task Sessions_are_stored_as_hashes_and_end_when_revoked(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var user = (await app.Service<AccountStore>().FindByEmailAsync(AccountsApp.AdminEmail, default))!;
        var sessions = app.Service<SessionStore>();

        var first = await sessions.CreateAsync(user.Id, "127.0.0.1", "test agent", default);
        var second = await sessions.CreateAsync(user.Id, null, null, default);
        var valid = await sessions.ValidateAsync(first, default);
        await sessions.RevokeAsync(user.Id, valid!.Value.Hash, default);
        var afterLogout = await sessions.ValidateAsync(first, default);
        var stillValid = await sessions.ValidateAsync(second, default);
        await sessions.RevokeAllAsync(user.Id, default);
        var rows = await AppTables.ReadAsync(app, "select session_hash from app.sessions order by created_at");

        Assert.Equal(user.Id, valid.Value.UserId);
        Assert.Null(afterLogout);
        Assert.NotNull(stillValid);
        Assert.Null(await sessions.ValidateAsync(second, default));
        Assert.Null(await sessions.ValidateAsync("not-a-session", default));
        Assert.Equal(
            new[] { SecretTokens.Hash(first), SecretTokens.Hash(second) }.Order(StringComparer.Ordinal),
            rows.Select(row => (string)row["session_hash"]!).Order(StringComparer.Ordinal));
    }

    public static async Task Tokens_keep_their_role_and_branches_and_are_found_only_by_the_whole_token(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var owner = (await app.Service<AccountStore>().CreateAsync(new NewUser("owner@test.northstar.local", "Owner", Role.Manager, ["B1"], null), null, default))!;
        var tokens = app.Service<ApiTokenStore>();

        var (token, record) = await tokens.CreateAsync(owner.Id, "sync", Role.Viewer, ["B1"], app.Clock.GetUtcNow().AddDays(30), default);
        var found = await tokens.FindByTokenAsync(token, default);
        await tokens.RevokeAsync(owner.Id, record.Id, default);
        var revoked = await tokens.FindByIdAsync(record.Id, default);

        Assert.Equal(Role.Viewer, found!.Role);
        Assert.Equal(["B1"], found.Branches);
        Assert.Equal("owner@test.northstar.local", found.OwnerEmail);
        Assert.Null(await tokens.FindByTokenAsync(token[..^1], default));
        Assert.False(revoked!.IsUsableAt(app.Clock.GetUtcNow()));
        Assert.Single(await tokens.ListAsync(owner.Id, default));
    }

    public static async Task The_initial_admin_is_created_once_with_the_configured_password(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var output = new StringWriter();

        var createdAgain = await app.Service<InitialAdmin>().EnsureAsync(output, default);
        var users = await app.Service<AccountStore>().ListAsync(default);

        Assert.False(createdAgain);
        Assert.Equal("", output.ToString());
        var admin = Assert.Single(users);
        Assert.Equal(Role.SuperAdmin, admin.Role);
        Assert.Equal(AccountsApp.AdminEmail, admin.Email);
        await app.SignInAsAdminAsync();
    }
}
