using System.Runtime.CompilerServices;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// One pass over an import file: opens it, reads it as CSV or JSON lines, yields its events with their issues and
/// reports progress; when the pass is complete, <see cref="ContentHash"/> is the SHA-256 of the whole file.
/// </summary>
internal sealed class FileScan(string path, FileImportOptions options, FileFormat format, FileContext context)
{
    private const int ProgressEveryRows = 10_000;

    public byte[]? ContentHash { get; private set; }

    public long Rows { get; private set; }

    public char? Delimiter { get; private set; }

    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public async IAsyncEnumerable<ScannedEvent> ReadAsync(
        IProgress<FileImportProgress>? progress, bool validating, [EnumeratorCancellation] CancellationToken ct)
    {
        var file = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var stream = new HashingReadStream(new BufferedStream(file, 1 << 16));
        var total = file.Length;
        var shape = EntityShape.Of(options.Entity);
        var nextReport = ProgressEveryRows;
        CsvEventSource? csv = null;
        var events = format == FileFormat.Csv
            ? (csv = new CsvEventSource(options, shape, new ValueConverter(options), context)).ReadAsync(stream, validating, ct)
            : new JsonLinesEventSource(options, shape, context).ReadAsync(stream, validating, ct);
        await foreach (var scanned in events.ConfigureAwait(false))
        {
            Rows += scanned.Rows;
            if (Rows >= nextReport)
            {
                nextReport += ProgressEveryRows;
                progress?.Report(new FileImportProgress(Rows, stream.BytesRead, total, validating));
            }

            yield return scanned;
        }

        Delimiter = csv?.Delimiter;
        IgnoredColumns = csv?.IgnoredColumns ?? [];
        ContentHash = await stream.FinishAsync(ct).ConfigureAwait(false);
        progress?.Report(new FileImportProgress(Rows, stream.BytesRead, total, validating));
    }
}
