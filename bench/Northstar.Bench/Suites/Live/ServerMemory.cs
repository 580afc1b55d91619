using System.Globalization;

namespace Northstar.Bench.Suites.Live;

/// <summary>The server process's resident memory (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>; Linux only).</summary>
internal sealed class ServerMemory(int processId)
{
    /// <summary>The memory of the process <paramref name="processId"/>; null when not on Linux.</summary>
    public static ServerMemory? Of(int processId) => OperatingSystem.IsLinux() ? new ServerMemory(processId) : null;

    /// <summary>
    /// The largest resident set size seen, sampled every half second until <paramref name="stop"/> is cancelled: the
    /// peak of the measured part, which <c>VmHWM</c> is not (the demo load before it peaks higher).
    /// </summary>
    public async Task<long> WatchPeakAsync(CancellationToken stop)
    {
        var peak = Read("VmRSS:");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                peak = Math.Max(peak, Read("VmRSS:"));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The measured part ended.
        }

        return peak;
    }

    private long Read(string field)
    {
        var line = File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status")
            .First(text => text.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    public static string Describe(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
