using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>User management on DuckDB: what a Super Admin may do, and where a Manager's reach ends (re-read as Super Admin).</summary>
public sealed class UserManagementTests
{
    [Fact]
    public async Task A_super_admin_creates_a_user_who_signs_in_with_the_returned_password()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();

        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/users", new
        {
            email = " New.Staff@Test.Northstar.local ", displayName = "New Staff", role = "staff", branches = new[] { "B2" }, employeeId = "E7",
        }), HttpStatusCode.Created);
        var password = created.GetProperty("password").GetString()!;
        var user = created.GetProperty("user");
        var me = await HttpAssert.JsonAsync(
            await (await app.Factory.SignInAsync("new.staff@test.northstar.local", password)).GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.True(password.Length >= Passwords.MinLength);
        Assert.Equal("new.staff@test.northstar.local", user.GetProperty("email").GetString());
        Assert.Equal("staff", user.GetProperty("role").GetString());
        Assert.Equal("E7", me.GetProperty("employeeId").GetString());
        Assert.False(me.GetProperty("permissions").GetProperty("export").GetBoolean());
    }

    [Fact]
    public async Task Invalid_fields_and_a_taken_email_are_problems_naming_the_field()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();

        var cases = new (object Body, HttpStatusCode Status, string Field)[]
        {
            (new { email = "not-an-email", displayName = "X", role = "viewer" }, HttpStatusCode.BadRequest, "email"),
            (new { email = "x@test.northstar.local", displayName = " ", role = "viewer" }, HttpStatusCode.BadRequest, "displayName"),
            (new { email = "x@test.northstar.local", displayName = "X", role = "owner" }, HttpStatusCode.BadRequest, "role"),
            (new { email = "x@test.northstar.local", displayName = "X", role = "viewer", password = "short" }, HttpStatusCode.BadRequest, "password"),
            (new { email = AccountsApp.AdminEmail, displayName = "X", role = "viewer" }, HttpStatusCode.Conflict, "email"),
        };
        foreach (var (body, status, field) in cases)
        {
            var problem = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/users", body), status, "application/problem+json");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
    }

    [Fact]
    public async Task A_manager_cannot_create_a_super_admin_or_give_branches_outside_their_own()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var manager = await app.Factory.SignedInClientAsync(Role.Manager, ["B1"]);
        var before = await UsersAsync(admin);

        var superAdmin = await manager.PostAsJsonAsync("/api/users",
            new { email = "boss@test.northstar.local", displayName = "Boss", role = "super_admin", branches = new[] { "B1" } });
        var otherBranch = await manager.PostAsJsonAsync("/api/users",
            new { email = "far@test.northstar.local", displayName = "Far", role = "viewer", branches = new[] { "B1", "B2" } });
        var everywhere = await manager.PostAsJsonAsync("/api/users",
            new { email = "all@test.northstar.local", displayName = "All", role = "viewer", branches = Array.Empty<string>() });
        var allowed = await manager.PostAsJsonAsync("/api/users",
            new { email = "mine@test.northstar.local", displayName = "Mine", role = "staff", branches = new[] { "B1" } });

        Assert.Equal(HttpStatusCode.Forbidden, superAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBranch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var after = await UsersAsync(admin);
        Assert.Equal(before.Keys.Append("mine@test.northstar.local").Order(StringComparer.Ordinal), after.Keys);
    }

    [Fact]
    public async Task A_manager_cannot_change_their_own_role_or_widen_their_branches()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Manager, ["B1"]);
        var manager = await app.Factory.SignInAsync(email, password);
        var before = (await UsersAsync(admin))[email].GetRawText();

        var role = await manager.PatchAsJsonAsync($"/api/users/{id}", new { role = "super_admin" });
        var branches = await manager.PatchAsJsonAsync($"/api/users/{id}", new { branches = new[] { "B1", "B2" } });
        var name = await manager.PatchAsJsonAsync($"/api/users/{id}", new { displayName = "Renamed Manager" });

        Assert.Equal(HttpStatusCode.Forbidden, role.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, branches.StatusCode);
        Assert.Equal(HttpStatusCode.OK, name.StatusCode);
        var after = (await UsersAsync(admin))[email];
        Assert.Equal(before.Replace("Test Manager", "Renamed Manager", StringComparison.Ordinal), after.GetRawText());
    }

    [Fact]
    public async Task A_manager_does_not_see_or_touch_users_outside_their_branches()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var manager = await app.Factory.SignedInClientAsync(Role.Manager, ["B1"]);
        var (insideId, insideEmail, _) = await app.Factory.CreateUserAsync(Role.Staff, ["B1"]);
        var (outsideId, outsideEmail, _) = await app.Factory.CreateUserAsync(Role.Staff, ["B1", "B2"]);
        var (unrestrictedId, _, _) = await app.Factory.CreateUserAsync(Role.Viewer);
        var before = await UsersAsync(admin);

        var listed = (await HttpAssert.JsonAsync(await manager.GetAsync("/api/users"), HttpStatusCode.OK)).EnumerateArray()
            .Select(user => user.GetProperty("email").GetString()).ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var id in new[] { outsideId, unrestrictedId, 1 })
        {
            statuses.Add((await manager.PatchAsJsonAsync($"/api/users/{id}", new { displayName = "Taken over" })).StatusCode);
            statuses.Add((await manager.PostAsync($"/api/users/{id}/reset-password", null)).StatusCode);
        }

        Assert.Contains(insideEmail, listed);
        Assert.DoesNotContain(outsideEmail, listed);
        Assert.DoesNotContain(AccountsApp.AdminEmail, listed);
        Assert.Equal(2, listed.Count);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        var after = await UsersAsync(admin);
        Assert.Equal(before.Select(user => user.Value.GetRawText()), after.Select(user => user.Value.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/users/{insideId}/reset-password", null)).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_works_once_returned_and_ends_the_users_sessions()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var user = await app.Factory.SignInAsync(email, password);

        var reset = await HttpAssert.JsonAsync(await admin.PostAsync($"/api/users/{id}/reset-password", null), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Factory.CookieClient().PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode);
        await app.Factory.SignInAsync(email, reset.GetProperty("password").GetString()!);
    }

    /// <summary>Every user as the Super Admin sees them, by email.</summary>
    private static async Task<SortedDictionary<string, JsonElement>> UsersAsync(HttpClient admin)
    {
        var users = await HttpAssert.JsonAsync(await admin.GetAsync("/api/users"), HttpStatusCode.OK);
        return new(users.EnumerateArray().ToDictionary(user => user.GetProperty("email").GetString()!, user => user), StringComparer.Ordinal);
    }
}
