namespace Northstar.Ingest.Pipeline;

/// <summary>A bronze event that could not be applied, as recorded in the data-quality table.</summary>
/// <param name="EventId">The bronze event's id.</param>
/// <param name="Source">Where the event came from.</param>
/// <param name="Entity">The entity's wire name.</param>
/// <param name="ExternalId">The record id in the source, when it could be read.</param>
/// <param name="Reason">Why it was rejected, in a sentence.</param>
/// <param name="At">When it was rejected.</param>
public sealed record QualityIssue(long EventId, string Source, string Entity, string? ExternalId, string Reason, DateTimeOffset At);
