using System.Globalization;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;

namespace Northstar.Bench.Suites.Live;

/// <summary>
/// The run in slices of ten seconds from the feed's start, as progress lines: whether the latency holds steady or grows
/// as a backlog builds, and when the live layer's own part (computed → received) moves.
/// </summary>
internal static class LiveTimeline
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    public static void Print(DateTimeOffset start, IReadOnlyList<TimedSample> latencies, IReadOnlyList<TimedSample> pushes)
    {
        var slices = latencies.Select(s => s.At).Concat(pushes.Select(s => s.At)).Select(at => SliceOf(start, at)).DefaultIfEmpty(0).Max();
        for (var slice = 0; slice <= slices; slice++)
        {
            var from = (int)(slice * Slice.TotalSeconds);
            Progress.Line(string.Create(CultureInfo.InvariantCulture,
                $"live: t+{from,3}–{from + (int)Slice.TotalSeconds,3} s: acked → received {Describe(latencies, start, slice)}; "
                + $"computed → received {Describe(pushes, start, slice)}"));
        }
    }

    private static int SliceOf(DateTimeOffset start, DateTimeOffset at) => Math.Max(0, (int)((at - start) / Slice));

    private static string Describe(IReadOnlyList<TimedSample> samples, DateTimeOffset start, int slice)
    {
        var inSlice = samples.Where(s => SliceOf(start, s.At) == slice).Select(s => s.Value).ToList();
        if (inSlice.Count == 0)
            return "(none)";
        var sorted = new Samples(inSlice);
        return $"p50 {Figures.Duration(sorted.Median)}, p99 {Figures.Duration(sorted.Percentile(0.99))} ({inSlice.Count:N0})";
    }
}
