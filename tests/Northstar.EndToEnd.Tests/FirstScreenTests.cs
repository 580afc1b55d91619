using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Northstar.Testing;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

public sealed class FirstScreenTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_about_page_shows_northstar_its_version_and_the_duckdb_engine()
    {
        var page = await fixture.NewSignedInPageAsync();

        await page.GotoAsync("/about");

        await Expect(page).ToHaveTitleAsync("About · Northstar");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Northstar", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected to DuckDB" })).ToBeVisibleAsync();
        await Expect(Fact(page, "Version")).ToContainTextAsync(ServerRelease());
        await Expect(Fact(page, "Engine")).ToHaveTextAsync("DuckDB");
        await Expect(Fact(page, "Engine version")).ToHaveTextAsync(new Regex(@"^v1\.5\.\d+"));
    }

    [BrowserFact]
    public async Task The_home_page_is_the_executive_dashboard()
    {
        var page = await fixture.NewSignedInPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/dashboards/executive").ToString());
        await Expect(page).ToHaveTitleAsync("Executive · Northstar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Executive", Exact = true })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_deep_link_asks_to_sign_in_first_then_opens_the_page_asked_for()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/users");

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/login?returnUrl=/users").ToString());
        await page.GetByLabel("Email").FillAsync(KestrelApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(KestrelApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/users").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-user=\"{KestrelApp.AdminEmail}\"]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_return_address_on_another_site_is_ignored_after_signing_in()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/login?returnUrl=//example.com/phish");
        await page.GetByLabel("Email").FillAsync(KestrelApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(KestrelApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/dashboards/executive").ToString());
    }

    [BrowserFact]
    public async Task With_the_api_unreachable_a_friendly_error_shows_and_try_again_recovers()
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.RouteAsync("**/api/info", route => route.AbortAsync("connectionrefused"));

        await page.GotoAsync("/about");

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("We can't reach the Northstar server");
        await Expect(alert).ToContainTextAsync("The Northstar server could not be reached.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected to DuckDB" })).ToHaveCountAsync(0);

        await page.UnrouteAllAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected to DuckDB" })).ToBeVisibleAsync();
        await Expect(alert).ToHaveCountAsync(0);
    }

    /// <summary>The value of one of the facts on the first screen, by its label.</summary>
    private static ILocator Fact(IPage page, string label) =>
        page.Locator("dl div").Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new($"^{label}$") }) }).Locator("dd");

    /// <summary>The server's release number (its informational version before any build metadata).</summary>
    private static string ServerRelease() =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
}
