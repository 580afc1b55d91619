using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Pipeline;

/// <summary>
/// One event as a source delivered it: the JSON payload (in the entity's wire format) and, when the source sent one,
/// its idempotency key. Without a key, the pipeline derives one from the source, entity, id and <c>updated_at</c>.
/// </summary>
public sealed record IncomingEvent(JsonElement Payload, string? IdempotencyKey = null)
{
    /// <summary>Wraps a typed wire event, serialized with <see cref="WireFormat.Options"/>.</summary>
    public static IncomingEvent From<T>(T wireEvent, string? idempotencyKey = null)
        where T : IWireEvent =>
        // By the runtime type: called with T = IWireEvent, the static type would serialize only Id and UpdatedAt.
        new(JsonSerializer.SerializeToElement(wireEvent, wireEvent.GetType(), WireFormat.Options), idempotencyKey);
}
