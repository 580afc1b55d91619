using Microsoft.Playwright;
using Northstar.Testing;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The app on Kestrel and Debian's Chromium driven by Playwright, shared by the tests of a class. Each page opens in
/// a browser context of its own (its own cookies), so no test inherits another's session. The browser is the
/// system's (Playwright never downloads one here).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly KestrelApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, for setting up data the way the CLI verbs do (the demo company).</summary>
    protected IServiceProvider Services => _app.Services;

    public virtual async Task InitializeAsync()
    {
        BaseAddress = _app.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestServices.Require(TestServices.Chromium, "NORTHSTAR_TEST_CHROMIUM"),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A new page in a new browser context, with relative addresses resolved against the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    /// <summary>A new page already signed in (through the login API, as the login page does) as the first Super Admin.</summary>
    public async Task<IPage> NewSignedInPageAsync()
    {
        var page = await NewPageAsync();
        var response = await page.APIRequest.PostAsync("/api/auth/login", new APIRequestContextOptions
        {
            DataObject = new { email = KestrelApp.AdminEmail, password = KestrelApp.AdminPassword },
        });
        Assert.True(response.Ok, $"Signing in as the first Super Admin answered {response.Status}: {await response.TextAsync()}");
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
