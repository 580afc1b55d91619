using System.Globalization;
using System.Text.Json;
using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>Converts filter values (JSON scalars of a spec, constants of the model) to the .NET values bound.</summary>
internal static class FilterValues
{
    /// <summary>The longest text value accepted in a filter.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Converts a JSON scalar for a member of <paramref name="type"/>; null and an explanation if it does not fit.</summary>
    public static object? FromJson(JsonElement value, DataType type, out string? error)
    {
        error = null;
        switch (type)
        {
            case DataType.String when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length <= MaxTextLength)
                {
                    return text;
                }

                error = $"A text value may have at most {MaxTextLength} characters.";
                return null;
            case DataType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer):
                return integer;
            case DataType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number):
                return number;
            case DataType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case DataType.Date when value.ValueKind == JsonValueKind.String && TryParseDate(value.GetString(), out var date):
                return date;
            case DataType.Timestamp when value.ValueKind == JsonValueKind.String
                                         && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                                             DateTimeStyles.AssumeUniversal, out var timestamp):
                return timestamp.UtcDateTime;
            default:
                error = $"Expected {Describe(type)}.";
                return null;
        }
    }

    /// <summary>A date as the spec writes it: <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A constant of the model (a filtered measure's or a segment's condition) as the value bound.</summary>
    public static object? FromModel(object? value, DataType type) => (type, value) switch
    {
        (_, null) => null,
        (DataType.Integer, string text) => long.Parse(text, CultureInfo.InvariantCulture),
        (DataType.Integer, IConvertible convertible) => convertible.ToInt64(CultureInfo.InvariantCulture),
        (DataType.Number, string text) => decimal.Parse(text, CultureInfo.InvariantCulture),
        (DataType.Number, IConvertible convertible) => convertible.ToDecimal(CultureInfo.InvariantCulture),
        (DataType.Boolean, string text) => bool.Parse(text),
        (DataType.Date, string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        (DataType.Timestamp, string text) =>
            DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
        (DataType.String, not string) => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>A canonical text of a bound value, for the normalized key.</summary>
    public static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Describe(DataType type) => type switch
    {
        DataType.String => "a text value",
        DataType.Integer => "a whole number",
        DataType.Number => "a number",
        DataType.Boolean => "true or false",
        DataType.Date => "a date (yyyy-MM-dd)",
        _ => "a timestamp (ISO 8601)",
    };
}
