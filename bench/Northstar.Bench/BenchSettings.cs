using Northstar.Bench.Reporting;
using Northstar.Warehouse;

namespace Northstar.Bench;

/// <summary>The suites the harness runs.</summary>
internal enum BenchSuite
{
    Load,
    Aggregate,
    Stream,
    All,
    Csv,
    Webhooks,
    Demo,
    Query,
    QueryCache,
    Dashboard,
    Live,
}

/// <summary>What one invocation of the harness measures.</summary>
/// <param name="Suite">The suite asked for (<see cref="BenchSuite.All"/> runs every one).</param>
/// <param name="EngineName">The engine option as given, used to name the results file.</param>
/// <param name="Engines">The engines to measure, in order.</param>
/// <param name="Rows">Rows loaded, aggregated and streamed.</param>
/// <param name="Runs">Measured runs after the warm-up.</param>
internal sealed record BenchSettings(BenchSuite Suite, string EngineName, IReadOnlyList<EngineKind> Engines, long Rows, int Runs)
{
    /// <summary>Days of the demo company (the demo and query suites).</summary>
    public int Days { get; init; }

    /// <summary>Orders a day of the demo company (the demo and query suites).</summary>
    public int OrdersPerDay { get; init; }

    /// <summary>Concurrent senders (the webhooks suite).</summary>
    public int Senders { get; init; }

    /// <summary>
    /// The name under which the prepared warehouse is kept after the run and found again by the next run (the query
    /// suite); null: a fresh warehouse, deleted at the end.
    /// </summary>
    public string? Keep { get; init; }

    /// <summary>The built Northstar.Server.dll to start (the webhooks, query-cache and dashboard suites).</summary>
    public string ServerPath { get; init; } = "";

    /// <summary>The dashboard suite serves the warehouse a <c>query --keep &lt;name&gt;</c> run prepared, instead of the demo verb's.</summary>
    public string? KeptQuery { get; init; }

    /// <summary>The Chromium executable the dashboard suite drives (never downloaded).</summary>
    public string ChromiumPath { get; init; } = "";

    /// <summary>WebSocket clients on the live hub (the live suite).</summary>
    public int Clients { get; init; }

    /// <summary>Subscriptions the live clients are spread over (the live suite).</summary>
    public int Subscriptions { get; init; }

    /// <summary>Order events per second sent through the webhook (the live suite).</summary>
    public int Rate { get; init; }

    /// <summary>Seconds the live suite sends orders for.</summary>
    public int DurationSeconds { get; init; }

    /// <summary>The size and repetitions of the run, for the report's header.</summary>
    public string Conditions => Suite switch
    {
        BenchSuite.Csv => $"Lines: {Figures.Count(Rows)}; a warm-up import, then one measured import",
        BenchSuite.Webhooks => $"Events: {Figures.Count(Rows)} from {Senders} senders, after a warm-up",
        BenchSuite.Demo => $"Demo: {Figures.Count(Days)} days, {Figures.Count(OrdersPerDay)} orders a day; one measured load",
        BenchSuite.Dashboard => (KeptQuery is null
                ? $"Demo: {Figures.Count(Days)} days, {Figures.Count(OrdersPerDay)} orders a day, served by the built server's demo verb"
                  + (Keep is null ? "" : $" from the kept folder \"{Keep}\"")
                : $"The kept query warehouse \"{KeptQuery}\", served by the built server, its last 30 days as a custom range")
            + $"; per dashboard one cold visit, a warm-up visit, then {Runs} measured warm visits (p50 and p95)",
        BenchSuite.QueryCache => $"The kept warehouse \"{Keep}\"; per tile one miss, a warm-up hit, then {Runs} measured hits (p50 and p95)",
        BenchSuite.Query => $"Demo: {Figures.Count(Days)} days, {Figures.Count(OrdersPerDay)} orders a day; in-process, no HTTP and "
            + $"no answer cache, so (c) cache hit is not measured here; a warm-up run, then {Runs} measured runs (p50 and p95)",
        BenchSuite.Live => $"Live: {Figures.Count(Clients)} clients over {Subscriptions} subscriptions, {Figures.Count(Rate)} order events/s "
            + $"for {DurationSeconds} s; demo company of {Figures.Count(Days)} days served by the built server's demo verb; one run",
        _ => $"Rows: {Figures.Count(Rows)}; a warm-up run, then {Runs} measured runs (median and min)",
    };

    public IEnumerable<BenchSuite> Suites =>
        Suite == BenchSuite.All ? [BenchSuite.Load, BenchSuite.Aggregate, BenchSuite.Stream] : [Suite];
}
