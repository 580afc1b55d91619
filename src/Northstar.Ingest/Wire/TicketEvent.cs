namespace Northstar.Ingest.Wire;

/// <summary>A service ticket. <see cref="Priority"/>: low, normal, high, urgent. <see cref="Status"/>: open, pending, resolved, closed. Satisfaction 1–5.</summary>
public sealed record TicketEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    DateTimeOffset OpenedAt,
    string Status = "open",
    string Priority = "normal",
    string Channel = "email",
    string? CustomerId = null,
    string? LocationId = null,
    string? AssignedEmployeeId = null,
    DateTimeOffset? FirstResponseAt = null,
    DateTimeOffset? ResolvedAt = null,
    int? Satisfaction = null) : IWireEvent;
