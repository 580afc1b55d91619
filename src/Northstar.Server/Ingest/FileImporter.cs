using Northstar.Ingest.Files;
using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Ingest;

/// <summary>
/// A file import, as the <c>import</c> verb and the upload endpoint both run it: the whole file checked first; then,
/// unless a bad row fails it, its good events accepted through the pipeline's bulk path (deduplicated in bronze, so the
/// same file twice changes nothing) and processed into gold.
/// </summary>
internal sealed class FileImporter(IngestPipeline pipeline)
{
    /// <summary>The bronze source of every file import: the same file imported twice is recognised whatever its name.</summary>
    public const string Source = "file";

    /// <summary>Imports <paramref name="path"/>; the outcome says what was checked, written and processed.</summary>
    /// <exception cref="FileImportException">The file cannot be imported at all (over a limit, bad header or mapping).</exception>
    public async Task<FileImportOutcome> RunAsync(
        string path, FileImportOptions options, IFileImportObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checkedFile = await FileImportReader.ReadAsync(path, options, observer?.Checking(Path.GetFileName(path)), cancellationToken)
            .ConfigureAwait(false);
        if (!checkedFile.CanImport)
            return new FileImportOutcome(checkedFile, null, null);

        var events = checkedFile.ReadEventsAsync(observer?.Loading(), cancellationToken);
        var accepted = await pipeline.AcceptBulkAsync(Source, options.Entity, events, ct: cancellationToken).ConfigureAwait(false);
        observer?.Transforming();
        var processed = await pipeline.ProcessPendingAsync(cancellationToken).ConfigureAwait(false);
        return new FileImportOutcome(checkedFile, accepted, processed);
    }
}

/// <summary>What a file import did.</summary>
/// <param name="Checked">The file's counts and bad-row report.</param>
/// <param name="Accepted">What was written to bronze; null when a bad row failed the import and nothing was.</param>
/// <param name="Processed">What the processing run that followed applied; null when nothing was written.</param>
internal sealed record FileImportOutcome(FileImportResult Checked, BulkOutcome? Accepted, ProcessReport? Processed);
