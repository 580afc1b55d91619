using System.Runtime.CompilerServices;
using Northstar.Ingest.Files.Internal;
using Northstar.Ingest.Pipeline;

namespace Northstar.Ingest.Files;

/// <summary>
/// A validated import file: its counts, the report of its bad rows, and <see cref="ReadEventsAsync"/> to stream its
/// good events into the pipeline. Nothing is held in memory but the report; the events are read from the file again.
/// </summary>
public sealed class FileImportResult
{
    private readonly FileImportOptions _options;
    private readonly HashSet<long> _badEvents;

    internal FileImportResult(string path, FileImportOptions options, FileFormat format, FileScan scan, long events, long badRows,
        HashSet<long> badEvents, IReadOnlyList<FileImportIssue> issues, long issueCount)
    {
        Path = path;
        _options = options;
        Format = format;
        Delimiter = scan.Delimiter;
        ContentHash = Convert.ToHexStringLower(scan.ContentHash!);
        Rows = scan.Rows;
        IgnoredColumns = scan.IgnoredColumns;
        Events = events;
        BadRows = badRows;
        _badEvents = badEvents;
        Issues = issues;
        IssueCount = issueCount;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The format the file was read as (never <see cref="FileFormat.Auto"/>).</summary>
    public FileFormat Format { get; }

    /// <summary>The CSV delimiter used (given or detected); null for JSON lines.</summary>
    public char? Delimiter { get; }

    /// <summary>The SHA-256 of the file, hex; synthesized ids start with its first 16 digits.</summary>
    public string ContentHash { get; }

    /// <summary>Data rows read (CSV rows without the header, or non-blank JSON lines).</summary>
    public long Rows { get; }

    /// <summary>Good events (an order of several line rows is one event).</summary>
    public long Events { get; }

    /// <summary>Rows belonging to a bad event (a bad line item makes its whole order bad).</summary>
    public long BadRows { get; }

    /// <summary>The bad-row report, up to <see cref="FileImportLimits.MaxReportedIssues"/> lines.</summary>
    public IReadOnlyList<FileImportIssue> Issues { get; }

    /// <summary>How many issues were found, including those left out of <see cref="Issues"/>.</summary>
    public long IssueCount { get; }

    /// <summary>Header columns bound to no field (not imported); worth showing, as a typo in a header lands here.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Whether the events may be imported: no bad rows, or bad rows and <see cref="BadRowPolicy.Skip"/>.</summary>
    public bool CanImport => BadRows == 0 || _options.OnError == BadRowPolicy.Skip;

    /// <summary>
    /// Reads the file again and yields its good events, in file order, identical on every read of the same file.
    /// Throws <see cref="FileImportException"/> up front when <see cref="CanImport"/> is false, and at the end when the
    /// file changed since it was validated (the caller's transaction should then be abandoned).
    /// </summary>
    public async IAsyncEnumerable<IncomingEvent> ReadEventsAsync(IProgress<FileImportProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!CanImport)
        {
            throw new FileImportException(
                $"{System.IO.Path.GetFileName(Path)} has {BadRows:N0} bad row{(BadRows == 1 ? "" : "s")} and bad rows fail the import; " +
                "nothing is imported.");
        }

        var context = new FileContext(System.IO.Path.GetFileName(Path), Convert.FromHexString(ContentHash));
        var scan = new FileScan(Path, _options, Format, context);
        // The records found bad by the first pass are skipped by their position; the second does not validate again.
        long ordinal = -1;
        await foreach (var scanned in scan.ReadAsync(progress, validating: false, ct).ConfigureAwait(false))
        {
            ordinal++;
            if (scanned.Event is not null && !_badEvents.Contains(ordinal))
                yield return scanned.Event;
        }

        if (!Convert.ToHexStringLower(scan.ContentHash!).Equals(ContentHash, StringComparison.Ordinal))
            throw new FileImportException($"{System.IO.Path.GetFileName(Path)} changed while it was being imported; import it again.");
    }
}
