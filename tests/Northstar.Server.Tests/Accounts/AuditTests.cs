using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The audit log on DuckDB: one entry per action, no secret in any, read back by Super Admins only.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task Every_action_is_audited_and_no_password_or_token_is_written()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        await app.Factory.CookieClient().PostAsJsonAsync("/api/auth/login", new { email = AccountsApp.AdminEmail, password = "a-wrong-password-guess" });
        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/users",
            new { email = "audited@test.northstar.local", displayName = "Audited", role = "manager", branches = new[] { "B1" } }), HttpStatusCode.Created);
        var id = created.GetProperty("user").GetProperty("id").GetInt64();
        var firstPassword = created.GetProperty("password").GetString()!;
        await admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "viewer", branches = new[] { "B1", "B2" } });
        var reset = await HttpAssert.JsonAsync(await admin.PostAsync($"/api/users/{id}/reset-password", null), HttpStatusCode.OK);
        var user = await app.Factory.SignInAsync("audited@test.northstar.local", reset.GetProperty("password").GetString()!);
        await user.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = reset.GetProperty("password").GetString(), newPassword = "the-users-own-password" });
        var token = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/tokens", new { name = "audited token" }), HttpStatusCode.Created);
        await admin.DeleteAsync($"/api/tokens/{token.GetProperty("apiToken").GetProperty("id").GetInt64()}");
        await user.PostAsync("/api/auth/logout", null);

        var page = await HttpAssert.JsonAsync(await admin.GetAsync("/api/audit?pageSize=200"), HttpStatusCode.OK);
        var actions = page.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("action").GetString()).ToList();
        var text = await AppTables.AuditTextAsync(app);

        foreach (var action in new[]
        {
            AuditActions.LoginSucceeded, AuditActions.LoginFailed, AuditActions.UserCreated, AuditActions.UserUpdated,
            AuditActions.PasswordReset, AuditActions.PasswordChanged, AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.Logout,
        })
        {
            Assert.Contains(action, actions);
        }

        var update = page.GetProperty("items").EnumerateArray().Single(entry => entry.GetProperty("action").GetString() == AuditActions.UserUpdated);
        var changes = update.GetProperty("details").GetProperty("changes");
        Assert.Equal("manager", changes.GetProperty("role").GetProperty("old").GetString());
        Assert.Equal("viewer", changes.GetProperty("role").GetProperty("new").GetString());
        Assert.Equal(AccountsApp.AdminEmail, update.GetProperty("actor").GetString());
        foreach (var secret in new[]
        {
            AccountsApp.AdminPassword, "a-wrong-password-guess", firstPassword, reset.GetProperty("password").GetString()!,
            "the-users-own-password", token.GetProperty("token").GetString()!,
        })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_audit_is_paged_filtered_and_for_super_admins_only()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        for (var attempt = 0; attempt < 3; attempt++)
            await app.Factory.CookieClient().PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.northstar.local", password = "wrong-password" });
        var manager = await app.Factory.SignedInClientAsync(Role.Manager, ["B1"]);

        var failures = await HttpAssert.JsonAsync(await admin.GetAsync("/api/audit?action=login.failed&page=2&pageSize=2"), HttpStatusCode.OK);
        var future = await HttpAssert.JsonAsync(
            await admin.GetAsync($"/api/audit?from={Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}"), HttpStatusCode.OK);
        var badPage = await HttpAssert.JsonAsync(await admin.GetAsync("/api/audit?pageSize=0"), HttpStatusCode.BadRequest, "application/problem+json");

        Assert.Equal(3, failures.GetProperty("total").GetInt64());
        Assert.Equal(2, failures.GetProperty("page").GetInt32());
        var last = Assert.Single(failures.GetProperty("items").EnumerateArray());
        Assert.Equal("nobody@test.northstar.local", last.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("userId").ValueKind);
        Assert.Equal(0, future.GetProperty("total").GetInt64());
        Assert.True(badPage.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateDefaultClient().GetAsync("/api/audit")).StatusCode);
    }
}
