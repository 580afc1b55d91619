using System.Globalization;
using System.Text;
using Northstar.Core.Queries;

namespace Northstar.Server.Exports;

/// <summary>
/// Writes an answer as CSV (RFC 4180, comma-separated, CRLF line ends): a header row of the column labels, then a line
/// per row with dates as yyyy-MM-dd, times as yyyy-MM-dd HH:mm:ss, numbers in invariant culture without thousands
/// separators, and an empty cell for no value. A text cell starting with = + - @, a tab or a carriage return gets a
/// leading <c>'</c>, so a spreadsheet shows it as text instead of running it as a formula; numbers are written as
/// numbers (-12.5 stays -12.5). A cell holding a comma, a quote or a line break is quoted.
/// </summary>
/// <remarks>
/// Not CsvHelper: its injection escaping applies to every field it writes, numbers included, so a negative amount
/// would become text; the rule here depends on what a cell holds.
/// </remarks>
internal static class CsvAnswer
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] QuotedWhenHeld = [',', '"', '\r', '\n'];

    public static string Write(QueryAnswer answer)
    {
        var csv = new StringBuilder();
        AppendLine(csv, answer.Columns.Select(column => Text(column.Label)));
        foreach (var row in answer.Rows)
            AppendLine(csv, row.Select(Cell));
        return csv.ToString();
    }

    /// <summary>One cell as written: a number or date as such, anything else as escaped text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Text(string text)
    {
        var safe = text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
        return safe.IndexOfAny(QuotedWhenHeld) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> cells) => csv.AppendJoin(',', cells).Append("\r\n");
}
