using Northstar.Ingest.Files;

namespace Northstar.Server.Ingest;

/// <summary>Follows a <see cref="FileImporter"/> run step by step, for a progress display.</summary>
internal interface IFileImportObserver
{
    /// <summary>The whole file is being checked; the progress of that pass goes to the returned sink.</summary>
    IProgress<FileImportProgress> Checking(string fileName);

    /// <summary>The good events are being written to bronze; the progress of that pass goes to the returned sink.</summary>
    IProgress<FileImportProgress> Loading();

    /// <summary>Bronze is being processed into silver and gold.</summary>
    void Transforming();
}
