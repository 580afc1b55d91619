namespace Northstar.Ingest.Wire;

/// <summary>A branch: where sales happen and the unit of a manager's scope.</summary>
public sealed record LocationEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string Name,
    string? Address = null,
    string? City = null,
    string? Region = null,
    string? PostalCode = null,
    string? Country = null,
    decimal? Latitude = null,
    decimal? Longitude = null,
    string TimeZone = "UTC",
    DateOnly? OpenedOn = null,
    DateOnly? ClosedOn = null,
    bool IsActive = true) : IWireEvent;
