using Northstar.Ingest.Pipeline;

namespace Northstar.Ingest.Files.Internal;

/// <summary>One event read from a file (null when its rows are bad), the issues of its rows, and how many rows it spans.</summary>
internal sealed record ScannedEvent(IncomingEvent? Event, IReadOnlyList<FileImportIssue> Issues, int Rows);
