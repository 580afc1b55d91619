using Northstar.Ingest.Pipeline.Bronze;
using Northstar.Ingest.Pipeline.Validation;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Pipeline;

/// <summary>Validation of incoming events into bronze records, or the outcome that says why not.</summary>
internal static class Acceptance
{
    private static readonly IReadOnlyList<FieldError> NoErrors = [];

    /// <summary>The bronze record of a valid event; null and the Invalid outcome otherwise.</summary>
    public static (BronzeRecord? Record, EventOutcome? Invalid) Check(string source, EntityKind entity, IncomingEvent incoming, int index)
    {
        var (wireEvent, errors) = EventValidator.Validate(entity, incoming.Payload);
        return wireEvent is null
            ? (null, new EventOutcome(index, EventStatus.Invalid, EventValidator.IdOf(incoming.Payload), errors))
            : (BronzeRecord.Create(source, entity, wireEvent, incoming), null);
    }

    /// <summary>The bronze record of a valid typed record; null and the Invalid outcome otherwise.</summary>
    public static (BronzeRecord? Record, EventOutcome? Invalid) CheckWire(string source, EntityKind entity, IWireEvent wireEvent, int index)
    {
        var errors = EventValidator.ValidateWire(entity, wireEvent);
        return errors.Count > 0
            ? (null, new EventOutcome(index, EventStatus.Invalid, wireEvent.Id, errors))
            : (BronzeRecord.Create(source, entity, wireEvent), null);
    }

    public static EventOutcome Written(int index, BronzeRecord record, bool isNew) =>
        new(index, isNew ? EventStatus.Accepted : EventStatus.Duplicate, record.ExternalId, NoErrors);

    public static void CheckSource(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException("The source of events must be named (e.g. webhook, csv, square, demo).", nameof(source));
    }
}
