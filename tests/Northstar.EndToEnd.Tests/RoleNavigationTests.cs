using System.Net;
using Microsoft.Playwright;
using Northstar.Testing;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

/// <summary>Each role signs in through the login page and sees its own name, its role and only the pages it may use.</summary>
public sealed class RoleNavigationTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    // The shipped dashboards (dashboards/*.yaml) come first in everyone's navigation; Technology only for Super Admins.
    private static readonly string[] Dashboards = ["Executive", "Sales analytics"];

    [BrowserFact]
    public Task A_super_admin_sees_every_page_including_the_audit_log_and_the_api_docs() =>
        SignInAndCheckAsync(
            CompanyFixture.SuperAdmin, [.. Dashboards, "Technology", "Users", "Tokens", "Audit", "About", "API docs"], "All branches", allowed: ("/audit", "Audit log"),
            forbidden: null);

    [BrowserFact]
    public Task A_manager_sees_users_and_tokens_but_not_the_audit_log() =>
        SignInAndCheckAsync(CompanyFixture.Manager, [.. Dashboards, "Users", "Tokens", "About"], "North", allowed: ("/users", "Users"), forbidden: "/audit");

    [BrowserFact]
    public Task A_staff_member_sees_only_home_and_not_user_management() =>
        SignInAndCheckAsync(CompanyFixture.Staff, [.. Dashboards, "About"], "North", allowed: null, forbidden: "/users");

    [BrowserFact]
    public Task A_viewer_sees_only_home_and_not_the_token_page() =>
        SignInAndCheckAsync(CompanyFixture.Viewer, [.. Dashboards, "About"], "All branches", allowed: null, forbidden: "/tokens");

    [BrowserFact]
    public async Task A_wrong_password_shows_the_servers_message_and_stays_on_the_login_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");

        await page.GetByLabel("Email").FillAsync(CompanyFixture.Viewer.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Email or password is incorrect.");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/login").ToString());
    }

    /// <param name="allowed">A page beyond home the role may use, and its heading.</param>
    /// <param name="forbidden">A page the role may not use, visited directly.</param>
    private async Task SignInAndCheckAsync(
        PersonOfRole person, string[] navigation, string branches, (string Path, string Heading)? allowed, string? forbidden)
    {
        var page = await fixture.NewPageAsync();

        // A page that needs a session sends the visitor to the login page, which brings them back after signing in.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/login?returnUrl=/").ToString());
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(CompanyFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Signed in, everyone lands on the executive dashboard.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Executive", Exact = true })).ToBeVisibleAsync();
        var menu = page.Locator(".user-menu");
        await Expect(menu.Locator(".display-name")).ToHaveTextAsync(person.DisplayName);
        await Expect(menu.Locator(".role")).ToHaveTextAsync(person.RoleLabel);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(navigation);

        if (allowed is var (path, heading))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        if (forbidden is not null)
        {
            await page.GotoAsync(forbidden);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available for your role" })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, forbidden).ToString());
        }

        var session = (await page.Context.CookiesAsync()).Single(cookie => cookie.Name == "ns_session").Value;
        Assert.Equal(HttpStatusCode.OK, await MeStatusWithSessionAsync(session));

        await menu.Locator("summary").ClickAsync();
        await Expect(menu.Locator(".branches")).ToContainTextAsync(branches);
        await menu.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Northstar" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusWithSessionAsync(session));
    }

    /// <summary>What <c>GET /api/auth/me</c> answers to a request that replays a session cookie.</summary>
    private async Task<HttpStatusCode> MeStatusWithSessionAsync(string sessionCookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/me", UriKind.Relative));
        request.Headers.Add("Cookie", $"ns_session={sessionCookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
