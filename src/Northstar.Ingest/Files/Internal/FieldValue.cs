using System.Globalization;
using System.Text.Json;

namespace Northstar.Ingest.Files.Internal;

/// <summary>A converted cell, ready to be written as its wire JSON value.</summary>
internal readonly record struct FieldValue(FieldKind Kind, string? Text, decimal Number, DateTimeOffset Instant, bool Flag)
{
    public static FieldValue OfText(string text) => new(FieldKind.Text, text, 0, default, false);

    public static FieldValue OfInstant(DateTimeOffset instant) => new(FieldKind.Instant, null, 0, instant, false);

    public void Write(Utf8JsonWriter writer, string name)
    {
        switch (Kind)
        {
            case FieldKind.Text:
                writer.WriteString(name, Text);
                break;
            case FieldKind.Integer:
                writer.WriteNumber(name, (long)Number);
                break;
            case FieldKind.Decimal:
                writer.WriteNumber(name, Number);
                break;
            case FieldKind.Boolean:
                writer.WriteBoolean(name, Flag);
                break;
            case FieldKind.Instant:
                writer.WriteString(name, Instant);
                break;
            case FieldKind.Date:
                writer.WriteString(name, DateOnly.FromDateTime(Instant.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The instant this value stands for, when it is a time or a date (a date is its midnight UTC).</summary>
    public DateTimeOffset? AsInstant() => Kind switch
    {
        FieldKind.Instant => Instant,
        FieldKind.Date => new DateTimeOffset(Instant.Date, TimeSpan.Zero),
        _ => null,
    };
}
