using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Northstar.Testing;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

/// <summary>A Manager manages the people and tokens of their branch through the UI.</summary>
public sealed class UserManagementTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    [BrowserFact]
    public async Task A_manager_adds_a_user_of_their_branch_who_can_then_sign_in_with_the_password_shown_once()
    {
        var page = await SignInAsync(CompanyFixture.Manager, "/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        // Only the Manager's own branch and never the Super Admin role are offered.
        await Expect(page.GetByLabel("Role").Locator("option")).ToHaveTextAsync(["Manager", "Staff", "Viewer"]);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Branches" }).GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(1);

        await page.GetByLabel("Email").FillAsync("nia@e2e.test");
        await page.GetByLabel("Display name").FillAsync("Nia New");
        await page.GetByLabel("North").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).Last.ClickAsync();

        var password = await page.Locator("[data-secret]").TextContentAsync();
        await Expect(page.Locator("tr[data-user=\"nia@e2e.test\"]")).ToContainTextAsync("Viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("[data-secret]")).ToHaveCountAsync(0);

        var nia = await SignInAsync(new PersonOfRole("nia@e2e.test", "Nia New", "viewer", "Viewer", ["north"]), "/", password!.Trim());
        await Expect(nia.Locator(".user-menu .display-name")).ToHaveTextAsync("Nia New");
    }

    [BrowserFact]
    public async Task A_manager_creates_a_token_sees_it_once_and_revokes_it_after_confirming()
    {
        var page = await SignInAsync(CompanyFixture.Manager, "/tokens");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Nightly sync");
        await page.GetByLabel("North").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).Last.ClickAsync();

        await Expect(page.Locator("[data-secret]")).ToHaveTextAsync(new Regex("^nst_"));
        var row = page.Locator("tr[data-token=\"Nightly sync\"]");
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Nightly sync" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();

        await Expect(row).ToContainTextAsync("Revoked");
    }

    private async Task<IPage> SignInAsync(PersonOfRole person, string path, string password = CompanyFixture.Password)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".user-menu .display-name")).ToHaveTextAsync(person.DisplayName);
        return page;
    }
}
