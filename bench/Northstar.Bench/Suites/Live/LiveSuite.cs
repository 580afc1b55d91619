using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Ingest.Demo;

namespace Northstar.Bench.Suites.Live;

/// <summary>
/// Live KPIs end to end (issue 7): the built server runs its <c>demo</c> verb (a small demo company, embedded DuckDB)
/// with a webhook source configured; N WebSocket clients on the hub each subscribe one of S questions about today with
/// a 1 s interval; signed webhook orders arrive at R events/s for D seconds; every client timestamps every update it
/// receives. Reported: event-acknowledged → client-received latency (<see cref="LiveLatency"/>) p50/p99/max over every
/// (batch, client) pair, pushes per second, clients dropped, each client's final answer against a fresh query, the
/// server's CPU and peak memory, and beside them one uncached recomputation of the first question
/// (<see cref="RecomputeProbe"/>), so the reader sees how much of the latency is the pipeline and how much the query.
/// </summary>
internal sealed class LiveSuite : ISuite
{
    private const string AdminEmail = "bench@northstar.local";
    private const string Source = "bench";
    private const int IntervalSeconds = 1;

    // Opening a connection authenticates its token and subscribes (a query, cached after the first): enough in parallel
    // to open a thousand in seconds, few enough that the server's two cores are not buried.
    private const int OpeningConcurrency = 32;

    private static readonly TimeSpan LoadDeadline = TimeSpan.FromMinutes(20);

    // After the last acknowledgement: the backlog's processing, spaced at most four times the last run's length apart
    // (see the server's IngestProcessor), then one subscription interval.
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(120);

    private readonly string _secret = "bench-secret-" + Guid.NewGuid().ToString("N");

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Live updates: event acknowledged → client received",
        $"{Figures.Count(settings.Clients)} WebSocket clients on `/hubs/live` (JSON protocol, API token), spread evenly over "
        + $"{settings.Subscriptions} subscriptions of today's figures with a {IntervalSeconds} s interval; signed webhook orders at "
        + $"{Figures.Count(settings.Rate)} events/s in batches of up to {OrderFeed.BatchSize} for {settings.DurationSeconds} s, dated now; "
        + "the server (a process of its own, embedded DuckDB, demo company) and the clients share the machine and its clock. "
        + "*Latency*: for each acknowledged batch and each client of a subscription that counts it, the receipt of the first "
        + "update whose order count includes the batch minus the batch's acknowledgement. *Not seen*: such pairs with no update "
        + $"by {Figures.Duration(DrainDeadline)} after the last acknowledgement; they count in the percentiles as slower than any "
        + "seen. *Computed → received*: per update received, its receipt minus the server's `computedAt` (when its "
        + "recomputation started): the live layer's own part, the rest being ingest processing. *Final = fresh query*: every "
        + "client's last answer equals `POST /api/query` after the run, which counts every acknowledged order. *Server CPU*: "
        + "its processor time over the feed's wall time (2 cores = 200%), the harness's beside it. *Server peak RSS*: sampled "
        + "every 0.5 s from the feed's start to the end of the run. *Recompute*: an uncached `POST /api/query` of the first "
        + "question, every 2 s during the feed and 5 times after it, from the harness and by the server (`meta.ms`).",
        ["subscription", "clients", "latency p50", "latency p99", "latency max", "not seen", "computed → received p50 / p99",
         "pushes/s", "pushes/client/s", "dropped", "final = fresh query", "events/s acked", "CPU (server; harness)", "server peak RSS",
         "recompute (uncached)"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(
        BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        if (target.Name != "duckdb")
            throw new BenchSetupException("The live suite serves the demo company on the embedded engine.");

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var server = await ServerProcess.StartAsync(
            settings.ServerPath,
            ["demo", "--days", settings.Days.ToString(CultureInfo.InvariantCulture)],
            [
                $"--Northstar:Accounts:InitialAdminEmail={AdminEmail}",
                $"--Northstar:Accounts:InitialAdminPassword={password}",
                $"--Northstar:Ingest:Sources:{Source}:Secret={_secret}",
            ],
            dataDirectory: null,
            LoadDeadline,
            cancellationToken);
        var memory = ServerMemory.Of(server.Id);
        using var session = await LiveSession.SignInAsync(server.Address, AdminEmail, password, cancellationToken);

        var branches = BranchesOnTheCompanysDate(settings);
        var subscriptions = LiveSubscription.All(branches[^1]).Take(settings.Subscriptions).ToList();
        var viewers = await OpenAsync(server.Address, session, subscriptions, settings.Clients, cancellationToken);
        try
        {
            return await MeasureAsync(server, memory, session, branches, subscriptions, viewers, settings, cancellationToken);
        }
        finally
        {
            await Parallel.ForEachAsync(
                viewers, new ParallelOptions { MaxDegreeOfParallelism = OpeningConcurrency }, (viewer, _) => viewer.DisposeAsync());
        }
    }

    private async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(
        ServerProcess server, ServerMemory? memory, LiveSession session, IReadOnlyList<string> branches,
        IReadOnlyList<LiveSubscription> subscriptions, IReadOnlyList<LiveViewer> viewers, BenchSettings settings,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = OrderFeed.MaxInFlight };
        using var http = new HttpClient(handler) { BaseAddress = server.Address };
        var feed = new OrderFeed(http, Source, _secret, branches);

        var probe = new RecomputeProbe(session, subscriptions[0]);
        using var measured = new CancellationTokenSource();
        using var feeding = new CancellationTokenSource();
        var peakMemory = memory?.WatchPeakAsync(measured.Token) ?? Task.FromResult(0L);
        var probing = probe.SampleAsync(feeding.Token);

        var serverCpu = server.ProcessorTime;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startedAt = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        IReadOnlyList<OrderBatch> batches;
        TimeSpan fed;
        TimeSpan watched;
        try
        {
            batches = await feed.RunAsync(settings.Rate, TimeSpan.FromSeconds(settings.DurationSeconds), cancellationToken);
            fed = Stopwatch.GetElapsedTime(start);
            serverCpu = server.ProcessorTime - serverCpu;
            harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - harnessCpu;
            await feeding.CancelAsync();
            await probing;
            await DrainAsync(batches, viewers, cancellationToken);
            watched = Stopwatch.GetElapsedTime(start);
        }
        finally
        {
            await feeding.CancelAsync();
            await measured.CancelAsync();
        }

        var peak = await peakMemory;

        var rows = new List<IReadOnlyList<string>>();
        var all = new List<TimedSample>();
        var allPushes = new List<TimedSample>();
        long unseen = 0;
        long updates = 0;
        var allFinal = true;
        foreach (var subscription in subscriptions)
        {
            var own = viewers.Where(viewer => viewer.Subscription == subscription).ToList();
            var figures = LiveLatency.Measure(subscription, batches, own);
            var (fresh, _) = await session.QueryAsync(subscription.Spec, cancellationToken);
            var acknowledged = (own[0].InitialOrders ?? 0) + batches.Sum(subscription.OrdersIn);
            var final = Final(subscription, figures, own, fresh, acknowledged);
            allFinal &= final.StartsWith("yes", StringComparison.Ordinal);
            all.AddRange(figures.Latencies);
            allPushes.AddRange(figures.Pushes);
            unseen += figures.Unseen;
            updates += figures.Updates;
            rows.Add(Row(subscription.Name, own, figures.Latencies, figures.Pushes, figures.Unseen, figures.Updates, watched, final));
        }

        LiveTimeline.Print(startedAt, all, allPushes);
        var recompute = await probe.DescribeAsync(cancellationToken);
        var events = batches.Sum(batch => batch.Branches.Count);
        var cpu = $"{Share(serverCpu, fed)}; {Share(harnessCpu, fed)}";
        var total = Row("all", viewers, all, allPushes, unseen, updates, watched, allFinal ? "yes" : "no");
        var rss = memory is null ? "n/a" : ServerMemory.Describe(peak);
        rows.Add([.. total.Take(11), Figures.PerSecond(events, fed, "events"), cpu, rss, recompute]);
        ReportDrops(viewers);
        return rows;
    }

    private static async Task<IReadOnlyList<LiveViewer>> OpenAsync(
        Uri server, LiveSession session, IReadOnlyList<LiveSubscription> subscriptions, int clients, CancellationToken cancellationToken)
    {
        var hub = new Uri($"ws://{server.Authority}/hubs/live");
        var tokens = new string[clients];
        for (var i = 0; i < clients; i++)
            tokens[i] = await session.CreateTokenAsync($"live benchmark client {i + 1}", cancellationToken);

        var viewers = new LiveViewer[clients];
        var opened = 0;
        var start = Stopwatch.GetTimestamp();
        Progress.Line($"live: {clients:N0} API tokens created, one per client");
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, clients),
                new ParallelOptions { MaxDegreeOfParallelism = OpeningConcurrency, CancellationToken = cancellationToken },
                async (i, opening) =>
                {
                    var subscription = subscriptions[i % subscriptions.Count];
                    viewers[i] = await LiveViewer.OpenAsync(hub, tokens[i], subscription, IntervalSeconds, opening);
                    if (Interlocked.Increment(ref opened) % 250 == 0)
                        Progress.Line($"live: {opened:N0} clients subscribed");
                });
        }
        catch
        {
            foreach (var viewer in viewers.Where(viewer => viewer is not null))
                await viewer.DisposeAsync();
            throw;
        }

        Progress.Line($"live: {clients:N0} clients subscribed in {Figures.Duration(Stopwatch.GetElapsedTime(start))}");
        foreach (var subscription in subscriptions)
        {
            var keys = viewers.Where(viewer => viewer.Subscription == subscription).Select(viewer => viewer.Key).Distinct().Count();
            Verify.Equal(1, keys, $"number of server keys of \"{subscription.Name}\" (one per question and scope)");
        }

        return viewers;
    }

    /// <summary>Waits until every client of a subscription that reads orders shows them all, or the deadline passes.</summary>
    private static async Task DrainAsync(
        IReadOnlyList<OrderBatch> batches, IReadOnlyList<LiveViewer> viewers, CancellationToken cancellationToken)
    {
        var waiting = viewers.Where(viewer => viewer.Subscription.ReadsOrders && viewer.DroppedAt is null)
            .Select(viewer => viewer.WaitForOrdersAsync(
                (viewer.InitialOrders ?? 0) + batches.Sum(viewer.Subscription.OrdersIn), DrainDeadline, cancellationToken));
        try
        {
            await Task.WhenAll(waiting);
        }
        catch (InvalidOperationException e)
        {
            // Reported as "not seen" and "final" below, rather than ending the run.
            Progress.Line($"live: {e.Message}");
        }
    }

    /// <summary>
    /// Whether every client ends where the data is: its last answer equal to a fresh query, and the fresh query counting
    /// every acknowledged order (an acknowledged order not yet in gold is a finding, not a pass).
    /// </summary>
    private static string Final(
        LiveSubscription subscription, LiveFigures figures, IReadOnlyList<LiveViewer> viewers, JsonElement fresh, long acknowledged)
    {
        if (!subscription.ReadsOrders)
            return figures.Updates == 0 ? "yes (never pushed: not affected)" : $"no: {figures.Updates:N0} pushes of an unaffected question";
        var now = subscription.Orders(fresh);
        var behind = viewers.Count(viewer =>
            viewer.Receipts() is var receipts && (receipts.Length == 0 || receipts.Max(receipt => receipt.Orders) != now));
        if (behind > 0)
            return $"no: {behind:N0} clients not at the fresh query's {now:N0} orders";
        return now == acknowledged
            ? $"yes ({now:N0} orders)"
            : $"no: clients = fresh query, but it counts {now:N0} of {acknowledged:N0} acknowledged orders";
    }

    private static IReadOnlyList<string> Row(
        string name, IReadOnlyList<LiveViewer> viewers, IReadOnlyList<TimedSample> latencies, IReadOnlyList<TimedSample> pushes,
        long unseen, long updates, TimeSpan watched, string final)
    {
        // A pair never seen is slower than any seen: it counts in the percentiles as "more than the wait".
        var samples = latencies.Count + unseen == 0
            ? null
            : new Samples(latencies.Select(sample => sample.Value).Concat(Enumerable.Repeat(TimeSpan.MaxValue, (int)unseen)));
        var pushed = pushes.Count == 0 ? null : new Samples(pushes.Select(sample => sample.Value));
        var dropped = viewers.Count(viewer => viewer.DroppedAt is not null);
        return
        [
            name,
            Figures.Count(viewers.Count),
            samples is null ? "" : Latency(samples.Median),
            samples is null ? "" : Latency(samples.Percentile(0.99)),
            samples is null ? "" : Latency(samples.Percentile(1)),
            Figures.Count(unseen),
            pushed is null ? "" : $"{Figures.Duration(pushed.Median)} / {Figures.Duration(pushed.Percentile(0.99))}",
            (updates / watched.TotalSeconds).ToString("N1", CultureInfo.InvariantCulture),
            (updates / watched.TotalSeconds / viewers.Count).ToString("N2", CultureInfo.InvariantCulture),
            Figures.Count(dropped),
            final,
            "", "", "", "",
        ];
    }

    private static string Latency(TimeSpan latency) =>
        latency == TimeSpan.MaxValue ? $"not seen (> {Figures.Duration(DrainDeadline)} after the feed)" : Figures.Duration(latency);

    private static string Share(TimeSpan cpu, TimeSpan wall) => (cpu / wall * 100).ToString("N0", CultureInfo.InvariantCulture) + "%";

    private static void ReportDrops(IReadOnlyList<LiveViewer> viewers)
    {
        foreach (var group in viewers.Where(viewer => viewer.DropReason is not null).GroupBy(viewer => viewer.DropReason))
        {
            var first = group.Min(viewer => viewer.DroppedAt);
            Progress.Line($"live: {group.Count():N0} clients dropped: {group.Key} (the first at {first:HH:mm:ss.fff})");
        }
    }

    // The subscriptions ask for today, the company's date, and an order counts in it only if its branch's local date is
    // that date: in the company's late evening an eastern branch is on tomorrow already, in its early morning a western
    // one still on yesterday. So the feed posts only to branches on the company's date from now to the end of the run.
    private static List<string> BranchesOnTheCompanysDate(BenchSettings settings)
    {
        var company = TimeZoneInfo.FindSystemTimeZoneById(Query.RepositoryModel.Load().CompanyTimeZone);
        var now = DateTimeOffset.UtcNow;
        // Subscribing the clients takes a minute or so before the feed starts.
        var end = now + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(settings.DurationSeconds) + DrainDeadline;
        DateOnly Date(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var branches = DemoCompany.Generate(new DemoOptions { Today = DemoSuite.Today, Days = 1 }).Locations
            .Where(location => TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone) is var zone
                               && Date(now, zone) == Date(now, company) && Date(end, zone) == Date(end, company))
            .Select(location => location.Id)
            .ToList();
        if (branches.Count == 0)
            throw new BenchSetupException($"No branch is on the company's date ({company.Id}) for the whole run: run it later.");
        if (branches.Count < 5)
            Progress.Line($"live: orders to {string.Join(", ", branches)} only, the branches whose date is the company's for the whole run");
        return branches;
    }
}
