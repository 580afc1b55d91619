using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.Server.Tests.Ingest;

/// <summary>Valid wire events for tests, serialized as a source would send them.</summary>
public static class SampleEvents
{
    public static readonly DateTimeOffset OrderedAt = new(2026, 3, 1, 14, 5, 0, TimeSpan.FromHours(-5));

    public static OrderEvent Order(string id, decimal quantity = 2, DateTimeOffset? updatedAt = null) => new(
        id,
        updatedAt ?? OrderedAt.AddMinutes(2),
        "loc-boston",
        OrderedAt,
        [new OrderLineItem(1, quantity, 10.00m, quantity * 10.00m, "prd-paint")],
        Subtotal: quantity * 10.00m,
        Total: quantity * 10.00m);

    public static string Json(object wireEvent) => JsonSerializer.Serialize(wireEvent, WireFormat.Options);

    public static string JsonArray(params object[] wireEvents) => JsonSerializer.Serialize(wireEvents, WireFormat.Options);
}
