namespace Northstar.Ingest.Wire;

/// <summary>
/// A sold job and its production. <see cref="Stage"/>: sold, scheduled, in_production, completed, cancelled.
/// <see cref="CommissionSplits"/> share the commission between reps; the shares of a job should add up to 1.
/// </summary>
public sealed record JobEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    decimal SoldAmount,
    DateTimeOffset SoldAt,
    string Stage = "sold",
    string? AppointmentId = null,
    string? CustomerId = null,
    string? LocationId = null,
    string? SoldByEmployeeId = null,
    DateTimeOffset? ProductionStartedAt = null,
    DateTimeOffset? ProductionCompletedAt = null,
    DateTimeOffset? CancelledAt = null,
    IReadOnlyList<CommissionSplit>? CommissionSplits = null) : IWireEvent;

/// <summary>One rep's share of a job's commission, between 0 (exclusive) and 1.</summary>
public sealed record CommissionSplit(string EmployeeId, decimal Share);
