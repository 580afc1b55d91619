using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Warehouse;

namespace Northstar.Bench.Suites.Dashboard;

/// <summary>
/// The dashboards as a person sees them: the built server runs its <c>demo</c> verb (the demo company loaded, or found
/// in the kept folder, then served), Chromium opens each dashboard, and the figure is the time from navigation to every
/// tile rendered (the page's own clock: <see cref="RenderWatch"/>), cold (the first visit after the server started and
/// warmed up, as a person would find it: the answers of the default filters cached for an unrestricted caller, an
/// empty browser cache), warm (later visits in new tabs: cached answers and assets) and warm in
/// the app (from the other dashboard through the navigation: see <see cref="InAppVisit"/>), beside the batch
/// request's round trip and the server's own batch time.
/// </summary>
internal sealed class DashboardSuite : ISuite
{
    private const string AdminEmail = "bench@northstar.local";

    private static readonly string[] Dashboards = ["executive", "sales"];

    // The demo verb loads before it listens: about 200 s for the default company, about an hour for 10M order lines.
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromHours(2);

    private static readonly TimeSpan WarmUpDeadline = TimeSpan.FromMinutes(10);

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Dashboards in the browser: navigation to every tile rendered",
        "Chromium (headless) over loopback; *rendered* is the page's own time from navigation start to every tile settled and "
        + "every chart drawn; *batch* the `/api/query/batch` request's round trip seen by the page; *server* the server's "
        + "time for the whole batch (the last answer line's `meta.ms`). Cold: the first visit after the server started "
        + "and finished its warm-up (the dashboards' answers under the default filters cached; new browser profile); "
        + "warm: the next visits in new tabs of the same browser (p50 and p95); warm, in the app: a click on the "
        + "dashboard's link in the navigation of a tab showing the other dashboard, timed from the click.",
        ["engine", "dashboard", "visit", "rendered p50", "rendered p95", "batch p50", "server p50"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(
        BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        if (target.Name != "duckdb")
            throw new BenchSetupException("The dashboard suite serves the demo company on the embedded engine: use --engine duckdb.");

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string[] admin = [$"--Northstar:Accounts:InitialAdminEmail={AdminEmail}", $"--Northstar:Accounts:InitialAdminPassword={password}"];
        await using var server = settings.KeptQuery is { } kept
            ? await ServeKeptQueryWarehouseAsync(settings, kept, admin, cancellationToken)
            : await ServeDemoAsync(settings, admin, cancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = settings.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString() });
        await context.AddInitScriptAsync(RenderWatch.Script);
        await SignInAsync(context, password);
        // A person comes some time after a start: by then the server has answered the dashboards once (its warm-up).
        Progress.Line($"server: {await server.LineAsync("Dashboards warmed up", WarmUpDeadline, cancellationToken)}");

        var rows = new List<IReadOnlyList<string>>();
        // A kept query warehouse's company ends on the query suite's fixed day: its last 30 days, not the clock's.
        var query = settings.KeptQuery is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"?range=custom&from={DemoSuite.Today.AddDays(-29):yyyy-MM-dd}&to={DemoSuite.Today:yyyy-MM-dd}");
        foreach (var dashboard in Dashboards)
        {
            var cold = await DashboardVisit.RunAsync(context, dashboard + query, cancellationToken);
            rows.Add([target.Name, dashboard, "cold", Figures.Duration(cold.Rendered), "", Figures.Duration(cold.Batch), Figures.Duration(cold.Server)]);
        }

        foreach (var dashboard in Dashboards)
        {
            var batches = new List<TimeSpan>(settings.Runs);
            var servers = new List<TimeSpan>(settings.Runs);
            var rendered = await Repeat.RunAsync($"{dashboard} warm", settings.Runs, new Measure("rendered", async token =>
            {
                var visit = await DashboardVisit.RunAsync(context, dashboard + query, token);
                batches.Add(visit.Batch);
                servers.Add(visit.Server);
                return visit.Rendered;
            }), cancellationToken);
            // The warm-up visit is left out, as Repeat leaves it out of the rendered times.
            var batch = new Samples(batches.Skip(1));
            var serverTimes = new Samples(servers.Skip(1));
            rows.Add([target.Name, dashboard, "warm", Figures.Duration(rendered.Median), Figures.Duration(rendered.Percentile(0.95)),
                      Figures.Duration(batch.Median), Figures.Duration(serverTimes.Median)]);
        }

        // From inside the app (no query string: the navigation links open the default 30 days).
        if (settings.KeptQuery is null)
        {
            var tab = await InAppVisit.OpenAsync(context, Dashboards[0]);
            try
            {
                foreach (var dashboard in Dashboards)
                {
                    var other = Dashboards.First(name => name != dashboard);
                    var inApp = await Repeat.RunAsync($"{dashboard} in the app", settings.Runs,
                        new Measure("rendered", token => tab.TimeAsync(dashboard, other, token)), cancellationToken);
                    rows.Add([target.Name, dashboard, "warm, in the app", Figures.Duration(inApp.Median), Figures.Duration(inApp.Percentile(0.95)), "", ""]);
                }
            }
            finally
            {
                await tab.CloseAsync();
            }
        }

        rows.Add([target.Name, "first page (gzip)", "", "", "", "", await FirstPage.DescribeAsync(server.Address, cancellationToken)]);
        return rows;
    }

    // The demo verb loads the company (or finds it in the kept folder) and then serves it.
    private static async Task<ServerProcess> ServeDemoAsync(BenchSettings settings, string[] admin, CancellationToken cancellationToken)
    {
        var folder = settings.Keep is { } keep ? KeptWarehouse.Folder(keep) : null;
        if (folder is not null && File.Exists(Path.Combine(folder, "northstar.duckdb")))
            await ForgetAccountsAsync(new WarehouseOptions { Engine = WarehouseOptions.DuckDbEngine, DataDirectory = folder }, cancellationToken);

        return await ServerProcess.StartAsync(
            settings.ServerPath,
            ["demo", "--days", Invariant(settings.Days), "--orders-per-day", Invariant(settings.OrdersPerDay)],
            admin,
            folder,
            LoadDeadline,
            cancellationToken);
    }

    // A warehouse a `query --keep` run prepared (10M order lines): served as it is; the rollups are rebuilt at start-up
    // when the model changed since.
    private static async Task<ServerProcess> ServeKeptQueryWarehouseAsync(
        BenchSettings settings, string name, string[] admin, CancellationToken cancellationToken)
    {
        var warehouse = KeptWarehouse.Settings("duckdb", name);
        await ForgetAccountsAsync(warehouse.Options, cancellationToken);
        return await ServerProcess.StartAsync(
            settings.ServerPath, ["serve"], [.. warehouse.Arguments, .. admin], warehouse.Options.DataDirectory, LoadDeadline, cancellationToken);
    }

    private static async Task SignInAsync(IBrowserContext context, string password)
    {
        var response = await context.APIRequest.PostAsync("/api/auth/login", new APIRequestContextOptions
        {
            DataObject = new { email = AdminEmail, password },
        });
        if (!response.Ok)
            throw new BenchSetupException($"Signing in to the server failed: {response.Status} {await response.TextAsync()}");
    }

    // The first Super Admin is created only in a warehouse without users: forget those of an earlier run.
    private static Task ForgetAccountsAsync(WarehouseOptions warehouse, CancellationToken cancellationToken) =>
        KeptWarehouse.ForgetAccountsAsync((warehouse, []), cancellationToken);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
