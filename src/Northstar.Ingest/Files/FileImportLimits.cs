namespace Northstar.Ingest.Files;

/// <summary>
/// Bounds that keep a hostile or broken file from exhausting memory or time. Exceeding one ends the read with a
/// <see cref="FileImportException"/> naming the file, the line and the limit.
/// </summary>
public sealed record FileImportLimits
{
    /// <summary>The limits used unless the caller sets others.</summary>
    public static FileImportLimits Default { get; } = new();

    /// <summary>The largest file accepted, in bytes. Default 8 GiB.</summary>
    public long MaxFileBytes { get; init; } = 8L << 30;

    /// <summary>The longest record (a CSV row, quoted line breaks included, or a JSON line), in bytes. Default 1 MiB.</summary>
    public int MaxLineBytes { get; init; } = 1 << 20;

    /// <summary>The most columns a CSV row may have. Default 1,000.</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>The most CSV rows one event may span (the line items of one order, the splits of one job). Default 10,000.</summary>
    public int MaxRowsPerEvent { get; init; } = 10_000;

    /// <summary>The most bad-row issues kept for the report; the rest are only counted. Default 1,000.</summary>
    public int MaxReportedIssues { get; init; } = 1_000;
}
