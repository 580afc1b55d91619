using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Ingest;

/// <summary>The answer to <c>POST /api/ingest/{entity}</c>: counts, and one result per event in the order sent.</summary>
/// <param name="Entity">The entity's wire name.</param>
/// <param name="Accepted">Events written to bronze by this request.</param>
/// <param name="Duplicates">Events already in bronze (the same idempotency key); nothing written for them.</param>
/// <param name="Invalid">Events refused by validation; nothing written for them.</param>
/// <param name="Results">The outcome of each event.</param>
public sealed record IngestResponse(string Entity, int Accepted, int Duplicates, int Invalid, IReadOnlyList<IngestEventResult> Results);

/// <summary>The outcome of one event of a request.</summary>
/// <param name="Index">The event's position in the request (0 for a single object).</param>
/// <param name="Id">The event's record id, when it could be read.</param>
/// <param name="Status"><c>accepted</c>, <c>duplicate</c> or <c>invalid</c>.</param>
/// <param name="Errors">Why an invalid event was refused, field by field (JSON paths such as <c>line_items[2].quantity</c>).</param>
public sealed record IngestEventResult(int Index, string? Id, string Status, IReadOnlyList<FieldError> Errors);

/// <summary>One field error of an all-invalid request, as listed in its 400 problem's <c>errors</c>.</summary>
/// <param name="Index">The event's position in the request.</param>
/// <param name="Id">The event's record id, when it could be read.</param>
/// <param name="Field">The JSON path of the field.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record IngestFieldProblem(int Index, string? Id, string Field, string Message);
