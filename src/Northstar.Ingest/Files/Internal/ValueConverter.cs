using System.Globalization;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Converts CSV cells to wire values with the file's conventions: a date format tried before ISO 8601, a decimal
/// separator (never a thousands separator: <c>1,234</c> under <c>.</c> is an error, not 1234), and a time zone for
/// times written without an offset.
/// </summary>
internal sealed class ValueConverter
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["t"] = true, ["yes"] = true, ["y"] = true, ["1"] = true,
        ["false"] = false, ["f"] = false, ["no"] = false, ["n"] = false, ["0"] = false,
    };

    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private readonly string[] _formats;
    private readonly NumberFormatInfo _numbers;
    private readonly TimeZoneInfo _zone;

    public ValueConverter(FileImportOptions options)
    {
        if (options.DecimalSeparator is not ('.' or ','))
            throw new FileImportException($"The decimal separator must be '.' or ',', not '{options.DecimalSeparator}'.");
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = options.DecimalSeparator.ToString(), NegativeSign = "-" };
        _formats = string.IsNullOrWhiteSpace(options.DateFormat) ? IsoFormats : [options.DateFormat, .. IsoFormats];
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FileImportException($"'{options.TimeZone}' is not a known time zone; use an IANA id such as Europe/Paris.", error);
        }
    }

    /// <summary>Converts <paramref name="text"/> (not empty); on failure, <paramref name="reason"/> says why.</summary>
    public bool TryConvert(FieldKind kind, string text, out FieldValue value, out string reason)
    {
        value = default;
        reason = "";
        switch (kind)
        {
            case FieldKind.Text:
                value = FieldValue.OfText(text);
                return true;
            case FieldKind.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                        CultureInfo.InvariantCulture, out var integer))
                {
                    value = new FieldValue(kind, null, integer, default, false);
                    return true;
                }

                reason = $"'{text}' is not a whole number";
                return false;
            case FieldKind.Decimal:
                if (decimal.TryParse(text, DecimalStyle, _numbers, out var number))
                {
                    value = new FieldValue(kind, null, number, default, false);
                    return true;
                }

                reason = $"'{text}' is not a number with '{_numbers.NumberDecimalSeparator}' as the decimal separator";
                return false;
            case FieldKind.Boolean:
                if (Booleans.TryGetValue(text.Trim(), out var flag))
                {
                    value = new FieldValue(kind, null, 0, default, flag);
                    return true;
                }

                reason = $"'{text}' is not true or false";
                return false;
            case FieldKind.Instant:
                return TryInstant(text, out value, out reason);
            case FieldKind.Date:
                if (DateTime.TryParseExact(text.Trim(), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = new FieldValue(kind, null, 0, new DateTimeOffset(date.Date, TimeSpan.Zero), false);
                    return true;
                }

                reason = $"'{text}' is not a date in the format {FormatsForMessage()}";
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field kind.");
        }
    }

    private bool TryInstant(string text, out FieldValue value, out string reason)
    {
        value = default;
        reason = "";
        var trimmed = text.Trim();
        if (!DateTime.TryParseExact(trimmed, _formats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local))
        {
            reason = $"'{text}' is not a date and time in the format {FormatsForMessage()}";
            return false;
        }

        if (local.Kind != DateTimeKind.Unspecified)
        {
            // The text carries its own offset (or Z): keep it as written.
            value = FieldValue.OfInstant(DateTimeOffset.ParseExact(trimmed, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None));
            return true;
        }

        if (_zone.IsInvalidTime(local))
        {
            reason = $"'{text}' does not exist in {_zone.Id} (the clocks skipped it for daylight saving)";
            return false;
        }

        // A time repeated when the clocks go back is taken as its first occurrence (the larger offset).
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        value = FieldValue.OfInstant(new DateTimeOffset(local, offset));
        return true;
    }

    private string FormatsForMessage() => _formats.Length > IsoFormats.Length ? $"{_formats[0]} or ISO 8601" : "ISO 8601";
}
