using Microsoft.Playwright;
using Northstar.Testing;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

public sealed class ApiDocsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_api_page_lists_the_servers_endpoints_from_its_openapi_document()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/api-docs/");

        await Expect(page).ToHaveTitleAsync("Northstar API");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Northstar API" }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/ingest/{entity}").First).ToBeVisibleAsync();
    }
}
