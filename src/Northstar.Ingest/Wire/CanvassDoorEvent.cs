namespace Northstar.Ingest.Wire;

/// <summary>A door knocked by a canvasser. <see cref="Outcome"/>: not_home, not_interested, callback, lead, appointment_set, sale.</summary>
public sealed record CanvassDoorEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    DateTimeOffset KnockedAt,
    string Outcome,
    string? RepEmployeeId = null,
    string? LocationId = null,
    string? Address = null,
    decimal? Latitude = null,
    decimal? Longitude = null,
    string? LeadId = null) : IWireEvent;
