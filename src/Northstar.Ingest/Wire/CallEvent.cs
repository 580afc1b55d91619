namespace Northstar.Ingest.Wire;

/// <summary>A telemarketing call. <see cref="Outcome"/>: answered, missed, voicemail, no_answer, appointment_set, sale, other.</summary>
public sealed record CallEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StartedAt,
    string Outcome,
    string Direction = "outbound",
    int DurationSeconds = 0,
    string? AgentEmployeeId = null,
    string? LocationId = null,
    string? CustomerId = null,
    string? LeadId = null) : IWireEvent;
