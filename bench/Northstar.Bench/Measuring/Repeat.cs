using System.Globalization;

namespace Northstar.Bench.Measuring;

/// <summary>Runs measurements a warm-up time and then K times, printing a progress line per run.</summary>
internal static class Repeat
{
    /// <summary>
    /// Runs every measure once to warm up (JIT, engine caches, connection pools), then <paramref name="runs"/> times.
    /// Several measures are interleaved run by run, so that a burst of load on the machine weighs on each of them
    /// alike and their ratio stays meaningful.
    /// </summary>
    public static async Task<IReadOnlyList<Samples>> RunAsync(
        string label, int runs, IReadOnlyList<Measure> measures, CancellationToken cancellationToken)
    {
        Progress.Line($"{label}: warm-up {await RunEachAsync(measures, timings: null, cancellationToken)}");

        var timings = measures.Select(_ => new List<TimeSpan>(runs)).ToArray();
        for (var run = 1; run <= runs; run++)
        {
            Progress.Line($"{label}: run {run}/{runs} {await RunEachAsync(measures, timings, cancellationToken)}");
        }

        return [.. timings.Select(figure => new Samples(figure))];
    }

    /// <summary>Runs one measure; see <see cref="RunAsync(string, int, IReadOnlyList{Measure}, CancellationToken)"/>.</summary>
    public static async Task<Samples> RunAsync(string label, int runs, Measure measure, CancellationToken cancellationToken) =>
        (await RunAsync(label, runs, [measure], cancellationToken))[0];

    private static async Task<string> RunEachAsync(
        IReadOnlyList<Measure> measures, List<TimeSpan>[]? timings, CancellationToken cancellationToken)
    {
        var line = new List<string>(measures.Count);
        for (var i = 0; i < measures.Count; i++)
        {
            var elapsed = await measures[i].RunOnceAsync(cancellationToken);
            timings?[i].Add(elapsed);
            line.Add($"{measures[i].Name} {elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture)} ms");
        }

        return string.Join(", ", line);
    }
}
