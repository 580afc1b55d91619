namespace Northstar.Ingest.Pipeline;

/// <summary>What became of one incoming event.</summary>
public enum EventStatus
{
    /// <summary>Valid and written to bronze; it will be processed.</summary>
    Accepted,

    /// <summary>Valid, but the same event (same idempotency key) is already in bronze; nothing was written.</summary>
    Duplicate,

    /// <summary>Failed validation; nothing was written. The errors say why.</summary>
    Invalid,
}

/// <summary>A validation error of one field, named by its JSON path (<c>line_items[2].quantity</c>).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of the event at <paramref name="Index"/> in the batch (0-based).</summary>
/// <param name="Index">The event's position in the batch as sent.</param>
/// <param name="Status">Accepted, duplicate or invalid.</param>
/// <param name="Id">The event's record id, when it could be read.</param>
/// <param name="Errors">The validation errors; empty unless <paramref name="Status"/> is Invalid.</param>
public sealed record EventOutcome(int Index, EventStatus Status, string? Id, IReadOnlyList<FieldError> Errors);

/// <summary>The outcome of a bulk acceptance: counts, and the outcomes of the rejected events only.</summary>
public sealed record BulkOutcome(long Accepted, long Duplicates, long Invalid, IReadOnlyList<EventOutcome> Rejected);
