using System.Globalization;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;

namespace Northstar.Bench.Suites.Live;

/// <summary>
/// The raw cost beside the pipeline: one recomputation of a subscription's question, asked of <c>POST /api/query</c>
/// in a form no subscription and no earlier probe caches (<see cref="LiveSubscription.UncachedSpec"/>), so every ask is
/// a cache miss, timed from here (round trip) and by the server (<c>meta.ms</c>). Sampled while the feed runs (what a
/// recomputation costs under the load) and a few times after it (on the quiet server, over the run's data).
/// </summary>
internal sealed class RecomputeProbe(LiveSession session, LiveSubscription subscription)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private const int QuietRounds = 5;

    private readonly List<(TimeSpan RoundTrip, TimeSpan Server)> _underLoad = [];
    private int _round;

    /// <summary>Asks once every two seconds until <paramref name="stop"/> is cancelled.</summary>
    public async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                _underLoad.Add(await AskAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The feed ended.
        }
    }

    /// <summary>Asks a few times on the quiet server; returns the report's cell for both phases.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var quiet = new List<(TimeSpan RoundTrip, TimeSpan Server)>(QuietRounds);
        for (var i = 0; i < QuietRounds; i++)
            quiet.Add(await AskAsync(cancellationToken));
        var serverTimes = _underLoad.Select(ask => ask.Server.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture));
        Progress.Line($"live: uncached \"{subscription.Name}\" under load, server ms: {string.Join(", ", serverTimes)}");
        return $"under load {Describe(_underLoad)}; quiet {Describe(quiet)}";
    }

    private async Task<(TimeSpan RoundTrip, TimeSpan Server)> AskAsync(CancellationToken cancellationToken)
    {
        var (answer, roundTrip) = await session.QueryAsync(subscription.UncachedSpec(Interlocked.Increment(ref _round)), cancellationToken);
        var meta = answer.GetProperty("meta");
        Verify.Equal("miss", meta.GetProperty("cache").GetString()!, "cache status of the recomputation");
        return (roundTrip, TimeSpan.FromMilliseconds(meta.GetProperty("ms").GetDouble()));
    }

    private static string Describe(List<(TimeSpan RoundTrip, TimeSpan Server)> asks) => asks.Count == 0
        ? "(none)"
        : $"{Figures.Duration(new Samples(asks.Select(a => a.RoundTrip)).Median)} round trip, "
          + $"{Figures.Duration(new Samples(asks.Select(a => a.Server)).Median)} server (p50 of {asks.Count})";
}
