using System.Globalization;

namespace Northstar.Bench.Reporting;

/// <summary>How the report spells durations, rates and ratios: invariant culture, units in the cell.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds >= 10
        ? elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture) + " s"
        : elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A rate in millions per second, e.g. <c>12.34 M rows/s</c>.</summary>
    public static string Rate(long items, TimeSpan elapsed, string unit) =>
        (items / elapsed.TotalSeconds / 1e6).ToString("N2", CultureInfo.InvariantCulture) + $" M {unit}/s";

    /// <summary>A rate in thousands per second, e.g. <c>212.3 k lines/s</c>, for the ingest suites' smaller rates.</summary>
    public static string KiloRate(long items, TimeSpan elapsed, string unit) =>
        (items / elapsed.TotalSeconds / 1e3).ToString("N1", CultureInfo.InvariantCulture) + $" k {unit}/s";

    /// <summary>A rate in units per second, e.g. <c>2,345 events/s</c>.</summary>
    public static string PerSecond(long items, TimeSpan elapsed, string unit) =>
        (items / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) + $" {unit}/s";

    public static string Ratio(TimeSpan ours, TimeSpan engine) =>
        (ours / engine).ToString("N2", CultureInfo.InvariantCulture) + "×";
}
