using System.Diagnostics;
using System.Globalization;

namespace Northstar.Bench.Measuring;

/// <summary>Progress lines on standard error, stamped with the time since start, so standard output holds only the report.</summary>
internal static class Progress
{
    private static readonly long Start = Stopwatch.GetTimestamp();

    public static void Line(string message)
    {
        var since = Stopwatch.GetElapsedTime(Start);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{since:hh\\:mm\\:ss}] {message}"));
    }
}
