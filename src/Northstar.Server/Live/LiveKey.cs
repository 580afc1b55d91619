using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Northstar.Core.Queries;
using Northstar.Server.Queries;

namespace Northstar.Server.Live;

/// <summary>
/// The identity of a subscription across the cluster: the spec as sent (presets unresolved, so it means the same
/// tomorrow), the scope and the interval. Callers who may see the same and ask the same share it, and its one
/// computation; two scopes never share one.
/// </summary>
internal static class LiveKey
{
    public static string Of(QuerySpec spec, QueryScope scope, TimeSpan interval)
    {
        var text = string.Join('|',
            JsonSerializer.Serialize(spec, JsonSerializerOptions.Web),
            scope.Key,
            ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    /// <summary>A hash of what an answer shows (columns, rows, totals, comparison; not how it was obtained), to push only changes.</summary>
    public static string ContentHash(QueryResponse answer)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(
            new { answer.Columns, answer.Rows, answer.Totals, answer.Comparison }, JsonSerializerOptions.Web);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The data versions an answer is computed at, as text: one computation per key and round in the cluster.</summary>
    public static string Round(IReadOnlyDictionary<string, Warehouse.DataVersion> versions) =>
        string.Join(',', versions.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}:{pair.Value.Version}")));
}
