namespace Northstar.Ingest.Square;

/// <summary>
/// What one Square sync run did: pages read, orders received, what the pipeline made of them (accepted, already
/// known, invalid, plus orders that could not be read at all), and the watermark the next run starts from.
/// </summary>
public sealed record SquareSyncReport(
    int Pages,
    long Orders,
    long Accepted,
    long Duplicates,
    long Invalid,
    long Drafts,
    DateTimeOffset? Watermark);
