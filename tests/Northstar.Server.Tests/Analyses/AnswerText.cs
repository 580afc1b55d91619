using System.Text.Json;

namespace Northstar.Server.Tests.Analyses;

/// <summary>An answer of the query API as text rows and a totals line, to compare with <see cref="PlainSqlAnalyses"/>.</summary>
public static class AnswerText
{
    public static (string[] Rows, string Totals) Of(JsonElement answer) =>
    (
        [.. answer.GetProperty("rows").EnumerateArray().Select(row => string.Join(' ', row.EnumerateArray().Select(Value)))],
        string.Join(' ', answer.GetProperty("totals").EnumerateObject().Select(total => total.Name + " " + Value(total.Value)))
    );

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.Number => PlainSqlAnalyses.Text(value.GetDecimal()),
        _ => value.GetString() ?? "-",
    };
}
