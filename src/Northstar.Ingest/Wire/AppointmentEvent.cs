namespace Northstar.Ingest.Wire;

/// <summary>An in-home sales appointment. <see cref="Outcome"/>: set, confirmed, sat, no_show, sold, cancelled.</summary>
public sealed record AppointmentEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    DateTimeOffset ScheduledAt,
    DateTimeOffset CreatedAt,
    string Outcome = "set",
    string? LeadId = null,
    string? CustomerId = null,
    string? LocationId = null,
    string? SetByEmployeeId = null,
    string? AssignedEmployeeId = null,
    DateTimeOffset? OutcomeAt = null) : IWireEvent;
