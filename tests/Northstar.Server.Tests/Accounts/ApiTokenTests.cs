using System.Net;
using System.Net.Http.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>API tokens on DuckDB: shown once, scoped within their owner, revocable.</summary>
public sealed class ApiTokenTests
{
    [Fact]
    public async Task A_token_is_shown_once_signs_in_with_its_own_role_and_never_appears_again()
    {
        await using var app = await AccountsApp.StartAsync();
        var manager = await app.Factory.SignedInClientAsync(Role.Manager, ["B1", "B2"]);

        var created = await HttpAssert.JsonAsync(
            await manager.PostAsJsonAsync("/api/tokens", new { name = "warehouse sync", role = "viewer", branches = new[] { "B2" } }),
            HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        var listed = await HttpAssert.JsonAsync(await manager.GetAsync("/api/tokens"), HttpStatusCode.OK);
        var me = await HttpAssert.JsonAsync(await Bearer(app, token).GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.StartsWith("nst_", token, StringComparison.Ordinal);
        Assert.Equal(token[..12], created.GetProperty("apiToken").GetProperty("prefix").GetString());
        var item = Assert.Single(listed.EnumerateArray());
        Assert.DoesNotContain(token, item.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(item.EnumerateObject(), property => property.Name == "token");
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        Assert.Equal(["B2"], me.GetProperty("branches").EnumerateArray().Select(branch => branch.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_sha256()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/tokens", new { name = "bi tool" }), HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;

        var rows = await AppTables.ReadAsync(app, "select * from app.api_tokens");

        var row = Assert.Single(rows);
        Assert.Equal(SecretTokens.Hash(token), row["token_hash"]);
        Assert.DoesNotContain(row.Values, value => value is string text && text.Contains(token[12..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_or_expired_token_gets_401()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var revoked = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/tokens", new { name = "revoked" }), HttpStatusCode.Created);
        var expiring = await HttpAssert.JsonAsync(
            await admin.PostAsJsonAsync("/api/tokens", new { name = "expiring", expiresInDays = 1 }), HttpStatusCode.Created);
        var revokedClient = Bearer(app, revoked.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/auth/me")).StatusCode);

        var id = revoked.GetProperty("apiToken").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Bearer(app, expiring.GetProperty("token").GetString()!).GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, "nst_not-a-token").GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_manager_cannot_make_a_token_wider_than_themselves_nor_revoke_anothers()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var manager = await app.Factory.SignedInClientAsync(Role.Manager, ["B1"]);
        var adminsToken = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/tokens", new { name = "admin's" }), HttpStatusCode.Created);

        var superAdmin = await HttpAssert.JsonAsync(
            await manager.PostAsJsonAsync("/api/tokens", new { name = "too wide", role = "super_admin" }), HttpStatusCode.Forbidden,
            "application/problem+json");
        var otherBranch = await HttpAssert.JsonAsync(
            await manager.PostAsJsonAsync("/api/tokens", new { name = "too wide", branches = new[] { "B1", "B9" } }), HttpStatusCode.Forbidden,
            "application/problem+json");
        var revoke = await manager.DeleteAsync($"/api/tokens/{adminsToken.GetProperty("apiToken").GetProperty("id").GetInt64()}");

        Assert.True(superAdmin.GetProperty("errors").TryGetProperty("role", out _));
        Assert.True(otherBranch.GetProperty("errors").TryGetProperty("branches", out _));
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Empty((await HttpAssert.JsonAsync(await manager.GetAsync("/api/tokens"), HttpStatusCode.OK)).EnumerateArray());
        var everyone = await HttpAssert.JsonAsync(await admin.GetAsync("/api/tokens?all=true"), HttpStatusCode.OK);
        Assert.Null(Assert.Single(everyone.EnumerateArray()).GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task A_token_follows_its_owner_narrowed_branches_and_dies_with_the_owners_deactivation()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Manager, ["B1", "B2"]);
        var manager = await app.Factory.SignInAsync(email, password);
        var created = await HttpAssert.JsonAsync(await manager.PostAsJsonAsync("/api/tokens", new { name = "mine" }), HttpStatusCode.Created);
        var bearer = Bearer(app, created.GetProperty("token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/users/{id}", new { branches = new[] { "B1" } })).StatusCode);
        var narrowed = await HttpAssert.JsonAsync(await bearer.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "staff" })).StatusCode);
        var demoted = await bearer.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "manager", isActive = false })).StatusCode);
        var deactivated = await bearer.GetAsync("/api/auth/me");

        Assert.Equal(["B1"], narrowed.GetProperty("branches").EnumerateArray().Select(branch => branch.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deactivated.StatusCode);
    }

    private static HttpClient Bearer(AccountsApp app, string token)
    {
        var client = app.Factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
