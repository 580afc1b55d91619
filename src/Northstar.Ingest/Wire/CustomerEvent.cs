namespace Northstar.Ingest.Wire;

/// <summary>
/// A customer. Kept as history (SCD type 2): when the home branch, segment or address changes, a new version starts
/// at <see cref="IWireEvent.UpdatedAt"/> and facts after it point at the new version.
/// </summary>
public sealed record CustomerEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? City = null,
    string? Region = null,
    string? PostalCode = null,
    string? Segment = null,
    string? HomeLocationId = null,
    DateTimeOffset? FirstSeenAt = null) : IWireEvent;
