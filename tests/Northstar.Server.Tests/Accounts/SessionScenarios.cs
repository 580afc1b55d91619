using System.Net;
using System.Net.Http.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Sessions on either engine: every way a session ends makes its old cookie worthless.</summary>
internal static class SessionScenarios
{
    public static async Task The_old_cookie_is_rejected_after_logout(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var (client, cookie) = await SignInKeepingCookieAsync(app, email, password);
        Assert.Equal(HttpStatusCode.OK, await MeWithCookieAsync(app, cookie));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(app, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    public static async Task A_password_change_ends_the_other_sessions_and_replaces_the_current_one(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Staff, employeeId: "E1");
        var (client, cookie) = await SignInKeepingCookieAsync(app, email, password);
        var (_, otherCookie) = await SignInKeepingCookieAsync(app, email, password);

        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(app, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(app, otherCookie));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Factory.CookieClient().PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode);
        await app.Factory.SignInAsync(email, "a-brand-new-password");
    }

    public static async Task The_old_cookie_is_rejected_after_a_role_change(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Manager, ["B1"]);
        var (_, cookie) = await SignInKeepingCookieAsync(app, email, password);
        var admin = await app.SignInAsAdminAsync();

        var changed = await admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(app, cookie));
        var me = await HttpAssert.JsonAsync(await (await app.Factory.SignInAsync(email, password)).GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal("viewer", me.GetProperty("role").GetString());
    }

    public static async Task The_old_cookie_is_rejected_after_deactivation_and_sign_in_is_refused(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (id, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var (_, cookie) = await SignInKeepingCookieAsync(app, email, password);
        var admin = await app.SignInAsAdminAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/users/{id}", new { isActive = false })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(app, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Factory.CookieClient().PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode);
    }

    public static async Task A_session_ends_after_two_idle_hours_but_not_while_in_use(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var (client, _) = await SignInKeepingCookieAsync(app, email, password);

        app.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(120));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    public static async Task A_session_ends_twelve_hours_after_sign_in_however_busy(TestEngine engine)
    {
        await using var app = await AccountsApp.StartAsync(engine);
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Viewer);
        var (client, _) = await SignInKeepingCookieAsync(app, email, password);

        for (var hour = 1; hour < 12; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    /// <summary>Signs in with a cookie-keeping client; returns it and the session cookie's value.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInKeepingCookieAsync(AccountsApp app, string email, string password)
    {
        var client = app.Factory.CookieClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("ns_session=", StringComparison.Ordinal));
        return (client, setCookie["ns_session=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>The status of GET /api/auth/me from a fresh client that sends only this session cookie.</summary>
    private static async Task<HttpStatusCode> MeWithCookieAsync(AccountsApp app, string cookie)
    {
        using var client = app.Factory.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", $"ns_session={cookie}");
        return (await client.SendAsync(request)).StatusCode;
    }
}
