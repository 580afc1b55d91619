namespace Northstar.Ingest.Files;

/// <summary>The format of an import file.</summary>
public enum FileFormat
{
    /// <summary>Decided from the file: <c>.jsonl</c>/<c>.ndjson</c>, or a first character <c>{</c>, is JSON lines; else CSV.</summary>
    Auto,

    /// <summary>Delimited text (comma, semicolon, tab or pipe), with a header row.</summary>
    Csv,

    /// <summary>One wire-format JSON object per line.</summary>
    JsonLines,
}
