using System.Globalization;
using System.Text.Json;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Server.Queries;

/// <summary>
/// Encodes an answer as compact JSON for the shared (Redis) cache, and decodes it back to the same .NET values: each
/// value's type comes from its column (long for integers, decimal for numbers, DateOnly for dates, UTC DateTime for
/// timestamps), so an answer from Redis is indistinguishable from one just computed.
/// </summary>
internal static class AnswerCodec
{
    public static byte[] Encode(QueryAnswer answer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("columns");
            foreach (var column in answer.Columns)
            {
                json.WriteStartArray();
                json.WriteStringValue(column.Name);
                json.WriteStringValue(column.Label);
                json.WriteNumberValue((int)column.Type);
                json.WriteNumberValue((int)column.Format);
                json.WriteNumberValue((int)column.Role);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in answer.Rows)
            {
                json.WriteStartArray();
                foreach (var value in row)
                    WriteValue(json, value);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartObject("totals");
            foreach (var (metric, value) in answer.Totals)
            {
                json.WritePropertyName(metric);
                WriteValue(json, value);
            }

            json.WriteEndObject();
            if (answer.Comparison is { } comparison)
            {
                json.WriteStartObject("comparison");
                json.WriteString("kind", comparison.Kind);
                json.WriteString("from", comparison.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("to", comparison.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteStartArray("rows");
                foreach (var row in comparison.Rows)
                    WriteComparisons(json, row);
                json.WriteEndArray();
                json.WritePropertyName("totals");
                WriteComparisons(json, comparison.Totals);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="JsonException">The bytes are not an encoded answer.</exception>
    public static QueryAnswer Decode(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray()
            .Select(column => new ResultColumn(
                column[0].GetString()!, column[1].GetString()!, (DataType)column[2].GetInt32(), (ValueFormat)column[3].GetInt32(),
                (ColumnRole)column[4].GetInt32()))
            .ToList();
        var types = columns.ToDictionary(column => column.Name, column => column.Type, StringComparer.Ordinal);
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(row => (IReadOnlyList<object?>)row.EnumerateArray().Select((value, i) => ReadValue(value, columns[i].Type)).ToList())
            .ToList();
        var totals = root.GetProperty("totals").EnumerateObject()
            .ToDictionary(total => total.Name, total => ReadValue(total.Value, TypeOf(types, total.Name)), StringComparer.Ordinal);
        ComparisonAnswer? comparison = null;
        if (root.TryGetProperty("comparison", out var compared))
        {
            comparison = new ComparisonAnswer(
                compared.GetProperty("kind").GetString()!,
                new DateRange(ReadDate(compared.GetProperty("from")), ReadDate(compared.GetProperty("to"))),
                [.. compared.GetProperty("rows").EnumerateArray().Select(row => ReadComparisons(row, types))],
                ReadComparisons(compared.GetProperty("totals"), types));
        }

        return new QueryAnswer(columns, rows, totals, comparison);
    }

    private static void WriteComparisons(Utf8JsonWriter json, IReadOnlyDictionary<string, MetricComparison> comparisons)
    {
        json.WriteStartObject();
        foreach (var (metric, comparison) in comparisons)
        {
            json.WriteStartArray(metric);
            WriteValue(json, comparison.Previous);
            WriteValue(json, comparison.Delta);
            WriteValue(json, comparison.Percent);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static Dictionary<string, MetricComparison> ReadComparisons(JsonElement element, Dictionary<string, DataType> types) =>
        element.EnumerateObject().ToDictionary(
            metric => metric.Name,
            metric => new MetricComparison(
                ReadValue(metric.Value[0], TypeOf(types, metric.Name)),
                (decimal?)ReadValue(metric.Value[1], DataType.Number),
                (decimal?)ReadValue(metric.Value[2], DataType.Number)),
            StringComparer.Ordinal);

    private static DataType TypeOf(Dictionary<string, DataType> types, string metric) => types.GetValueOrDefault(metric, DataType.Number);

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime instant:
                json.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                json.WriteStringValue(instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static object? ReadValue(JsonElement value, DataType type) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when type == DataType.Integer && value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String when type == DataType.Date => ReadDate(value),
        JsonValueKind.String when type == DataType.Timestamp =>
            DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        _ => value.GetString(),
    };

    private static DateOnly ReadDate(JsonElement value) =>
        DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
