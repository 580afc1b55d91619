using System.Text.RegularExpressions;
using Northstar.Core;

namespace Northstar.Ingest.Transform;

/// <summary>
/// Reads JSON fields the fast way for each engine. Statements name fields as tokens (<c>{f:name}</c>); PostgreSQL's
/// jsonb is parsed once on insert, so a token becomes <c>(p.payload->>'name')</c>. DuckDB's json is text and every
/// <c>->></c> parses it again, so DuckDB extracts all fields a statement needs in one parse with
/// <c>json_extract_string(payload, ['$.a', '$.b'])</c> (about four times faster for an order) and a token becomes an
/// element of that list.
/// </summary>
internal static partial class JsonFields
{
    /// <summary>
    /// Replaces the <c>{prefix:name}</c> tokens of <paramref name="sql"/>: on DuckDB by <c>list[i]</c> elements of the
    /// list the returned extraction builds from <paramref name="json"/> (fields in the order given first, then in
    /// order of appearance); on PostgreSQL by <c>(json->>'name')</c>, and the extraction is <paramref name="json"/>.
    /// </summary>
    public static (string Sql, string Extraction) Render(
        string sql, SqlDialect dialect, char prefix, string json, string list, params string[] leading)
    {
        var fields = leading.ToList();
        foreach (Match match in Token().Matches(sql))
        {
            if (match.Groups["prefix"].Value[0] == prefix && !fields.Contains(match.Groups["name"].Value, StringComparer.Ordinal))
                fields.Add(match.Groups["name"].Value);
        }

        var rendered = Token().Replace(sql, match =>
        {
            if (match.Groups["prefix"].Value[0] != prefix)
                return match.Value;
            var name = match.Groups["name"].Value;
            return dialect == SqlDialect.DuckDb ? $"{list}[{fields.IndexOf(name) + 1}]" : $"({json}->>'{name}')";
        });
        var extraction = dialect == SqlDialect.DuckDb
            ? $"json_extract_string({json}, [{string.Join(", ", fields.Select(f => $"'$.{f}'"))}]) as {list[(list.LastIndexOf('.') + 1)..]}"
            : json;
        return (rendered, extraction);
    }

    [GeneratedRegex(@"\{(?<prefix>[a-z]):(?<name>[a-z_]+)\}")]
    private static partial Regex Token();
}
