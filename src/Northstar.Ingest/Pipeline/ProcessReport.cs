namespace Northstar.Ingest.Pipeline;

/// <summary>What one run of <see cref="IngestPipeline.ProcessPendingAsync"/> did.</summary>
/// <param name="Processed">Bronze events applied to silver and gold, per entity.</param>
/// <param name="Rejected">Bronze events that could not be applied and went to the data-quality table.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Changes">The data changes raised, one per batch that changed something.</param>
public sealed record ProcessReport(
    IReadOnlyDictionary<EntityKind, long> Processed,
    long Rejected,
    TimeSpan Elapsed,
    IReadOnlyList<DataChange> Changes)
{
    /// <summary>All events applied, across entities.</summary>
    public long TotalProcessed => Processed.Values.Sum();
}
