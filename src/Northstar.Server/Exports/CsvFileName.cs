using System.Globalization;
using System.Text;
using Northstar.Core.Queries;

namespace Northstar.Server.Exports;

/// <summary>The name of an export's file: <c>&lt;name&gt;-&lt;from&gt;-&lt;to&gt;.csv</c>, or <c>&lt;name&gt;-all-time.csv</c> without a range.</summary>
internal static class CsvFileName
{
    private const int MaxNameLength = 64;

    public static string Of(string? name, DateRange? range)
    {
        var safe = Safe(name);
        return range is null
            ? $"{safe}-all-time.csv"
            : string.Create(CultureInfo.InvariantCulture, $"{safe}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    // Only ASCII letters, digits, - and _: the name goes into a header and onto the user's disk.
    private static string Safe(string? name)
    {
        var safe = new StringBuilder();
        foreach (var c in (name ?? "").Trim())
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        var text = safe.ToString().Trim('-');
        return text.Length == 0 ? "export" : text[..Math.Min(text.Length, MaxNameLength)];
    }
}
