using Northstar.Ingest.Files.Internal;

namespace Northstar.Ingest.Files;

/// <summary>
/// Reads CSV and JSON-lines files into <see cref="Pipeline.IncomingEvent"/>s of one entity, in two passes: the first
/// (this call) validates every row, so that under <see cref="BadRowPolicy.Fail"/> nothing is written when any row is
/// bad; the second (<see cref="FileImportResult.ReadEventsAsync"/>) streams the good events. Memory stays bounded by
/// the limits whatever the file's size.
/// </summary>
public static class FileImportReader
{
    /// <summary>Validates <paramref name="path"/> and returns its counts, its bad-row report and a way to read its events.</summary>
    /// <exception cref="FileImportException">The file cannot be imported at all (missing, over a limit, bad header or mapping).</exception>
    public static async Task<FileImportResult> ReadAsync(
        string path, FileImportOptions options, IProgress<FileImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileImportException($"{path}: no such file.");
        if (info.Length > options.Limits.MaxFileBytes)
            throw new FileImportException($"{name} is {info.Length:N0} bytes; the limit is {options.Limits.MaxFileBytes:N0}.");

        var format = options.Format == FileFormat.Auto ? await DetectAsync(path, ct).ConfigureAwait(false) : options.Format;
        // Validation does not depend on the synthesized ids, so the first pass can run before the file's hash is known.
        var scan = new FileScan(path, options, format, new FileContext(name, new byte[32]));
        var issues = new List<FileImportIssue>();
        var badEvents = new HashSet<long>();
        long issueCount = 0, events = 0, badRows = 0, ordinal = -1;
        try
        {
            await foreach (var scanned in scan.ReadAsync(progress, validating: true, ct).ConfigureAwait(false))
            {
                ordinal++;
                if (scanned.Event is not null)
                {
                    events++;
                    continue;
                }

                badEvents.Add(ordinal);
                badRows += scanned.Rows;
                issueCount += scanned.Issues.Count;
                issues.AddRange(scanned.Issues.Take(options.Limits.MaxReportedIssues - issues.Count));
            }
        }
        catch (IOException error)
        {
            throw new FileImportException($"{name} cannot be read: {error.Message}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new FileImportException($"{name} cannot be read: {error.Message}", error);
        }

        return new FileImportResult(path, options, format, scan, events, badRows, badEvents, issues, issueCount);
    }

    private static async Task<FileFormat> DetectAsync(string path, CancellationToken ct)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".JSONL" or ".NDJSON")
            return FileFormat.JsonLines;
        if (extension is ".CSV" or ".TSV" or ".TXT")
            return FileFormat.Csv;

        var head = new byte[512];
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            var read = await file.ReadAsync(head, ct).ConfigureAwait(false);
            var text = head.AsSpan(0, read);
            if (text.StartsWith("\uFEFF"u8))
                text = text[3..];
            text = text.TrimStart(" \t\r\n"u8);
            return !text.IsEmpty && text[0] == (byte)'{' ? FileFormat.JsonLines : FileFormat.Csv;
        }
    }
}
