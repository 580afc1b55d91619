using Northstar.Ingest;
using Northstar.Ingest.Files;

namespace Northstar.Server.Ingest;

/// <summary>
/// The options of a file import as text, as the <c>import</c> verb's options and the upload endpoint's query parameters
/// give them; <see cref="ToOptions"/> checks them and names the one at fault.
/// </summary>
internal sealed record FileImportArguments
{
    /// <summary><c>field=Column</c> pairs.</summary>
    public IReadOnlyList<string> Maps { get; init; } = [];

    /// <summary><c>auto</c> (or null), <c>csv</c> or <c>jsonl</c>.</summary>
    public string? Format { get; init; }

    /// <summary>One character, <c>\t</c> or <c>tab</c>; null to detect it.</summary>
    public string? Delimiter { get; init; }

    /// <summary>A .NET date format; null for ISO 8601 only.</summary>
    public string? DateFormat { get; init; }

    /// <summary><c>.</c> (or null) or <c>,</c>.</summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>An IANA time zone id; null for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>fail</c> (or null) or <c>skip</c>.</summary>
    public string? OnError { get; init; }

    /// <summary>The reader's options for a file of <paramref name="entity"/> read within <paramref name="limits"/>.</summary>
    /// <exception cref="FileImportArgumentException">An option is not valid; its field is named.</exception>
    public FileImportOptions ToOptions(EntityKind entity, FileImportLimits limits)
    {
        var timeZone = string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new FileImportArgumentException(
                "timeZone", $"'{timeZone}' is not a known time zone; use an IANA id such as Europe/Paris.");
        }

        return new FileImportOptions
        {
            Entity = entity,
            Format = Format switch
            {
                null or "" or "auto" => FileFormat.Auto,
                "csv" => FileFormat.Csv,
                "jsonl" => FileFormat.JsonLines,
                _ => throw new FileImportArgumentException("format", $"The format is auto, csv or jsonl, not '{Format}'."),
            },
            Delimiter = Delimiter switch
            {
                null or "" => null,
                "\\t" or "tab" => '\t',
                { Length: 1 } => Delimiter[0],
                _ => throw new FileImportArgumentException(
                    "delimiter", $"The delimiter is one character (\\t for a tab), not '{Delimiter}'."),
            },
            Mappings = ParseMappings(Maps),
            DateFormat = string.IsNullOrWhiteSpace(DateFormat) ? null : DateFormat,
            DecimalSeparator = DecimalSeparator switch
            {
                null or "" or "." => '.',
                "," => ',',
                _ => throw new FileImportArgumentException(
                    "decimalSeparator", $"The decimal separator is . or , not '{DecimalSeparator}'."),
            },
            TimeZone = timeZone,
            OnError = OnError switch
            {
                null or "" or "fail" => BadRowPolicy.Fail,
                "skip" => BadRowPolicy.Skip,
                _ => throw new FileImportArgumentException("onError", $"onError is fail or skip, not '{OnError}'."),
            },
            Limits = limits,
        };
    }

    private static IReadOnlyDictionary<string, string> ParseMappings(IReadOnlyList<string> maps)
    {
        try
        {
            return ColumnMappings.Parse(maps);
        }
        catch (FileImportException error)
        {
            throw new FileImportArgumentException("map", error.Message, error);
        }
    }
}
