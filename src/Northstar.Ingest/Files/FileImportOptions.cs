namespace Northstar.Ingest.Files;

/// <summary>How to read an import file: which entity it holds, its format and how its values are written.</summary>
public sealed record FileImportOptions
{
    /// <summary>The entity every row of the file is an event of.</summary>
    public required EntityKind Entity { get; init; }

    /// <summary>CSV, JSON lines, or decided from the file.</summary>
    public FileFormat Format { get; init; } = FileFormat.Auto;

    /// <summary>The CSV delimiter (<c>,</c> <c>;</c> tab <c>|</c>); null to detect it from the first lines.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Our field name (the snake_case wire name, <c>line_items.quantity</c> for a nested field) to the file's column
    /// name, for CSV files whose header does not already use our names. See <see cref="ColumnMappings.Parse"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Mappings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A .NET date/time format the file's dates and times are written in (<c>yyyyMMdd</c>, <c>dd/MM/yyyy HH:mm</c>),
    /// tried before ISO 8601; null for ISO 8601 only. CSV only.
    /// </summary>
    public string? DateFormat { get; init; }

    /// <summary>The decimal separator of numbers, <c>.</c> or <c>,</c>. Thousands separators are never accepted. CSV only.</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>The IANA time zone of times written without an offset (<c>America/Chicago</c>). CSV only.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Whether bad rows fail the whole import (the default) or are skipped.</summary>
    public BadRowPolicy OnError { get; init; } = BadRowPolicy.Fail;

    /// <summary>Size, line, column and report bounds.</summary>
    public FileImportLimits Limits { get; init; } = FileImportLimits.Default;
}
