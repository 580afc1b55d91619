namespace Northstar.Ingest.Files.Internal;

/// <summary>One CSV record: the line it starts on and the trimmed value of each bound column (null when empty).</summary>
internal sealed record CsvRow(long Line, string?[] Values);
