using System.Net;
using System.Net.Http.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Sign-in through <c>POST /api/auth/login</c> on DuckDB: success, refusals that tell nothing, throttling.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Signing_in_sets_the_cookies_and_me_tells_who_is_signed_in()
    {
        await using var app = await AccountsApp.StartAsync();
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Manager, ["B1", "B2"]);
        var client = app.Factory.CookieClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password, returnUrl = "/dashboards/7?x=1" });
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        var me = await HttpAssert.JsonAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.Equal("/dashboards/7?x=1", body.GetProperty("returnUrl").GetString());
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, cookie => cookie.StartsWith("ns_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        var xsrf = Assert.Single(cookies, cookie => cookie.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", xsrf, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("manager", me.GetProperty("role").GetString());
        Assert.Equal(["B1", "B2"], me.GetProperty("branches").EnumerateArray().Select(branch => branch.GetProperty("id").GetString()));
        var permissions = me.GetProperty("permissions");
        Assert.True(permissions.GetProperty("export").GetBoolean());
        Assert.True(permissions.GetProperty("manageUsers").GetBoolean());
        Assert.False(permissions.GetProperty("superAdmin").GetBoolean());
        Assert.True(permissions.GetProperty("apiTokens").GetBoolean());
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public async Task A_return_url_that_is_not_a_local_path_becomes_the_home_page(string returnUrl)
    {
        await using var app = await AccountsApp.StartAsync();
        var client = app.Factory.CookieClient();

        var body = await HttpAssert.JsonAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { email = AccountsApp.AdminEmail, password = AccountsApp.AdminPassword, returnUrl }),
            HttpStatusCode.OK);

        Assert.Equal("/", body.GetProperty("returnUrl").GetString());
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_deactivated_user_get_the_same_401()
    {
        await using var app = await AccountsApp.StartAsync();
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var (inactiveId, inactiveEmail, inactivePassword) = await app.Factory.CreateUserAsync(Role.Viewer);
        await app.Service<AccountStore>().UpdateAsync(inactiveId, new UserChanges(IsActive: false), CancellationToken.None);
        var client = app.Factory.CookieClient();

        var unknown = await HttpAssert.JsonAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.northstar.local", password }), HttpStatusCode.Unauthorized,
            "application/problem+json");
        var wrong = await HttpAssert.JsonAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { email, password = password + "x" }), HttpStatusCode.Unauthorized,
            "application/problem+json");
        var inactive = await HttpAssert.JsonAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { email = inactiveEmail, password = inactivePassword }), HttpStatusCode.Unauthorized,
            "application/problem+json");

        foreach (var refusal in new[] { unknown, wrong, inactive })
        {
            Assert.Equal("Email or password is incorrect.", refusal.GetProperty("detail").GetString());
            Assert.Equal(
                ["detail", "instance", "status", "title", "traceId", "type"],
                refusal.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        }

        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());
        Assert.Equal(unknown.GetProperty("title").GetString(), inactive.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.NotEqual(0, id);
    }

    [Fact]
    public async Task Five_failures_for_one_account_throttle_it_with_retry_after_until_the_window_passes()
    {
        await using var app = await AccountsApp.StartAsync();
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Staff);
        var client = app.Factory.CookieClient();

        for (var attempt = 0; attempt < LoginThrottle.AccountLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-" + attempt })).StatusCode);
        }

        var throttled = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await HttpAssert.JsonAsync(throttled, HttpStatusCode.TooManyRequests, "application/problem+json");
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(14), LoginThrottle.Window);
        // Another account from the same address is not affected by this account's failures.
        Assert.Equal(HttpStatusCode.OK, (await app.Factory.CookieClient().PostAsJsonAsync(
            "/api/auth/login", new { email = AccountsApp.AdminEmail, password = AccountsApp.AdminPassword })).StatusCode);

        app.Clock.Advance(LoginThrottle.Window);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode);
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_throttle_every_account_from_it()
    {
        await using var app = await AccountsApp.StartAsync();
        var client = app.Factory.CookieClient();

        for (var attempt = 0; attempt < LoginThrottle.AddressLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync(
                "/api/auth/login", new { email = $"guess-{attempt}@test.northstar.local", password = "not-the-password" })).StatusCode);
        }

        var throttled = await client.PostAsJsonAsync(
            "/api/auth/login", new { email = AccountsApp.AdminEmail, password = AccountsApp.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        app.Clock.Advance(LoginThrottle.Window);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(
            "/api/auth/login", new { email = AccountsApp.AdminEmail, password = AccountsApp.AdminPassword })).StatusCode);
    }
}
