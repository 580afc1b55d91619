using Microsoft.Playwright;
using Northstar.Testing;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The app on Kestrel and Debian's Chromium driven by Playwright, shared by the tests of a class; each test opens
/// its own page. The browser is the system's (Playwright never downloads one here), in a fresh profile folder.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly KestrelApp _app = new();
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "northstar-e2e-profile", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = _app.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
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

    public Task<IPage> NewPageAsync() => _browser!.NewPageAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        if (Directory.Exists(_profile))
            Directory.Delete(_profile, recursive: true);
    }
}
