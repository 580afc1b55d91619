namespace Northstar.Ingest.Wire;

/// <summary>A sales lead. <see cref="Status"/>: new, contacted, qualified, appointment_set, won, lost.</summary>
public sealed record LeadEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string Channel,
    DateTimeOffset CreatedAt,
    string Status = "new",
    string? CustomerId = null,
    string? LocationId = null,
    string? AssignedEmployeeId = null,
    string? CampaignId = null,
    DateTimeOffset? ConvertedAt = null,
    string? LostReason = null) : IWireEvent;
