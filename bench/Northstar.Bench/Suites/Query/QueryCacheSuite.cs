using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Warehouse;

namespace Northstar.Bench.Suites.Query;

/// <summary>
/// (c) of the executive dashboard: answers from the server's answer cache. The built server runs as a process over the
/// warehouse that a <c>query --keep &lt;name&gt;</c> run prepared; the harness signs in, asks each tile once (a miss, which
/// fills the cache) and then K times (hits), and reads the server's own time of each answer (<c>meta.ms</c>) beside the
/// round trip seen by the client; then the whole dashboard as one batch request, warm.
/// </summary>
internal sealed class QueryCacheSuite : ISuite
{
    private const string AdminEmail = "bench@northstar.local";

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Query: the executive dashboard from the answer cache",
        $"The server over the kept warehouse \"{settings.Keep}\" (prepared by `query --keep {settings.Keep}`). Per tile: one miss "
        + "(fills the cache), then the measured hits; *server* is the answer's `meta.ms` (compile, data versions, cache "
        + "lookup), *round trip* what the client waits for over loopback HTTP. The last row is the whole dashboard as one "
        + "`/api/query/batch` request, warm.",
        ["engine", "tile", "miss server", "hit server p50", "hit server p95", "hit round trip p50", "hit round trip p95"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(
        BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var warehouse = KeptWarehouse.Settings(target.Name, settings.Keep!);
        await KeptWarehouse.ForgetAccountsAsync(warehouse, cancellationToken);
        await using var server = await ServerProcess.StartAsync(settings.ServerPath, [
            .. warehouse.Arguments,
            $"--Northstar:Accounts:InitialAdminEmail={AdminEmail}",
            $"--Northstar:Accounts:InitialAdminPassword={password}",
        ], cancellationToken);
        using var client = await SignInAsync(server.Address, password, cancellationToken);

        var tiles = DashboardTiles.For(DemoSuite.Today);
        var rows = new List<IReadOnlyList<string>>(tiles.Count + 1);
        foreach (var tile in tiles)
        {
            var miss = await AskAsync(client, tile.Spec, cancellationToken);
            Verify.Equal("miss", miss.Cache, $"the first answer of '{tile.Name}' (the kept warehouse's cache starts empty)");
            var serverTimes = new List<TimeSpan>(settings.Runs);
            var roundTrips = await Repeat.RunAsync($"{target.Name} cache {tile.Name}", settings.Runs, new Measure("hit", async token =>
            {
                var start = Stopwatch.GetTimestamp();
                var hit = await AskAsync(client, tile.Spec, token);
                var elapsed = Stopwatch.GetElapsedTime(start);
                Verify.Equal("hit", hit.Cache, $"a repeated answer of '{tile.Name}'");
                serverTimes.Add(hit.Server);
                return elapsed;
            }), cancellationToken);
            // The warm-up run is the first hit; its server time is left out like its round trip.
            var hits = new Samples(serverTimes.Skip(1));
            rows.Add([target.Name, tile.Name, Figures.Duration(miss.Server), Figures.Duration(hits.Median),
                      Figures.Duration(hits.Percentile(0.95)), Figures.Duration(roundTrips.Median), Figures.Duration(roundTrips.Percentile(0.95))]);
        }

        var batch = new { queries = tiles.Select((tile, i) => new { id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), spec = tile.Spec }) };
        var dashboard = await Repeat.RunAsync($"{target.Name} cache dashboard", settings.Runs, new Measure("batch", async token =>
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/query/batch", batch, KeptWarehouse.Json, token);
            var lines = (await response.Content.ReadAsStringAsync(token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var elapsed = Stopwatch.GetElapsedTime(start);
            Verify.Equal(200, (int)response.StatusCode, "the dashboard batch's status");
            Verify.Equal(tiles.Count, lines.Length, "answer lines of the dashboard batch");
            return elapsed;
        }), cancellationToken);
        rows.Add([target.Name, $"**whole dashboard** (one batch of {tiles.Count} tiles)", "", "", "", Figures.Duration(dashboard.Median),
                  Figures.Duration(dashboard.Percentile(0.95))]);
        return rows;
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = address };
        try
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password }, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new BenchSetupException($"Signing in to the server failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            var xsrf = cookies.GetCookies(address)["XSRF-TOKEN"]?.Value
                       ?? throw new BenchSetupException("The server set no XSRF-TOKEN cookie at sign-in.");
            client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", xsrf);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<(string Cache, TimeSpan Server)> AskAsync(HttpClient client, Core.Queries.QuerySpec spec, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/query", spec, KeptWarehouse.Json, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Verify.Equal(200, (int)response.StatusCode, $"the status of POST /api/query ({body})");
        using var document = JsonDocument.Parse(body);
        var meta = document.RootElement.GetProperty("meta");
        return (meta.GetProperty("cache").GetString()!, TimeSpan.FromMilliseconds(meta.GetProperty("ms").GetDouble()));
    }
}
