using System.Net;
using System.Net.Http.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Unsafe requests signed in by the cookie need the anti-forgery header; bearer requests do not.</summary>
public sealed class AntiforgeryTests
{
    [Fact]
    public async Task A_cookie_post_without_or_with_a_wrong_xsrf_header_is_refused_and_changes_nothing()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var body = new { email = "forged@test.northstar.local", displayName = "Forged", role = "viewer", branches = Array.Empty<string>() };

        using var missing = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(body) };
        // The client adds the header only when the test has not set one: an empty value stands for a missing one.
        missing.Headers.Add(SessionCookies.XsrfHeader, "");
        var refused = await HttpAssert.JsonAsync(await admin.SendAsync(missing), HttpStatusCode.BadRequest, "application/problem+json");
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(body) };
        wrong.Headers.Add(SessionCookies.XsrfHeader, "not-the-token");
        var alsoRefused = await admin.SendAsync(wrong);

        Assert.Equal("The anti-forgery token is missing or invalid; reload the page.", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, alsoRefused.StatusCode);
        var users = await HttpAssert.JsonAsync(await admin.GetAsync("/api/users"), HttpStatusCode.OK);
        Assert.DoesNotContain(users.EnumerateArray(), user => user.GetProperty("email").GetString() == body.email);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", body)).StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_user_does_not_pass_the_check()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var (_, email, password) = await app.Factory.CreateUserAsync(Role.Manager, ["B1"]);
        var cookies = new CookieContainer();
        var manager = app.Factory.CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode);
        var adminsToken = (await admin.GetAsync("/api/auth/me")).Headers.GetValues("Set-Cookie")
            .Single(cookie => cookie.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).Split(';')[0]["XSRF-TOKEN=".Length..];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add(SessionCookies.XsrfHeader, adminsToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_bearer_post_needs_no_xsrf_header_and_login_needs_none_either()
    {
        await using var app = await AccountsApp.StartAsync();
        var admin = await app.SignInAsAdminAsync();
        var created = await HttpAssert.JsonAsync(
            await admin.PostAsJsonAsync("/api/tokens", new { name = "integration" }), HttpStatusCode.Created);
        using var bearer = app.Factory.CreateDefaultClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("token").GetString());

        var response = await bearer.PostAsJsonAsync("/api/users",
            new { email = "from-bearer@test.northstar.local", displayName = "From bearer", role = "viewer" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var plain = app.Factory.CreateDefaultClient();
        Assert.Equal(HttpStatusCode.OK, (await plain.PostAsJsonAsync("/api/auth/login",
            new { email = AccountsApp.AdminEmail, password = AccountsApp.AdminPassword })).StatusCode);
    }
}
