namespace Northstar.Ingest.Files;

/// <summary>How far a pass over an import file has come, for a progress bar.</summary>
/// <param name="Rows">Data rows read so far (CSV rows or JSON lines).</param>
/// <param name="Bytes">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size in bytes.</param>
/// <param name="Validating">True during the first pass (validation), false while events are produced.</param>
public sealed record FileImportProgress(long Rows, long Bytes, long TotalBytes, bool Validating);
