using System.Text.Json;
using Northstar.Core.Queries;
using Northstar.Server.Queries;

namespace Northstar.Server.Live;

/// <summary>What a client subscribes: a query spec (as <c>POST /api/query</c> takes it) and the push interval.</summary>
/// <param name="Spec">The question.</param>
/// <param name="IntervalSeconds">At most one push per this many seconds (1 to 3,600).</param>
public sealed record LiveSubscribeRequest(QuerySpec? Spec, int? IntervalSeconds);

/// <summary>The answer to a subscription: its key (shared by every subscriber of the same question, scope and interval),
/// and a fresh snapshot of the answer.</summary>
/// <param name="Key">The subscription's key; updates carry it.</param>
/// <param name="IntervalSeconds">The interval in force.</param>
/// <param name="Answer">The answer now, exactly as <c>POST /api/query</c> gives it.</param>
/// <param name="ComputedAt">When the answer was read (UTC).</param>
public sealed record LiveSubscribed(string Key, int IntervalSeconds, QueryResponse Answer, DateTimeOffset ComputedAt);

/// <summary>A pushed answer (the hub's <c>update</c> message, and the <c>data</c> of an event-stream event).</summary>
/// <param name="Key">The subscription it answers.</param>
/// <param name="Answer">The new answer.</param>
/// <param name="ComputedAt">When its computation started (UTC): a client drops an update older than what it shows.</param>
public sealed record LiveUpdate(string Key, QueryResponse Answer, DateTimeOffset ComputedAt);

/// <summary>
/// An update as it travels between nodes: the subscription key, when it was computed, the hash of its content (to push
/// only what changed) and the <see cref="LiveUpdate"/> as JSON, serialized once for every receiver.
/// </summary>
internal sealed record LiveUpdateMessage(string Key, DateTimeOffset ComputedAt, string ContentHash, string Json)
{
    /// <summary>The update's JSON as an element, for the hub to send as is.</summary>
    public JsonElement Payload() => JsonDocument.Parse(Json).RootElement;
}
