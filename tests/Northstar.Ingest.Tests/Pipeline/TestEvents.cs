using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Pipeline;

/// <summary>Wire events for pipeline tests, with sensible defaults and amounts that add up.</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static OrderEvent Order(
        string id, DateTimeOffset? updatedAt = null, string locationId = "loc-1", DateTimeOffset? orderedAt = null,
        string? customerId = null, params (string Product, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var items = (lines.Length == 0 ? [("sku-1", 1m, 10m)] : lines)
            .Select((line, i) => new OrderLineItem(i + 1, line.Quantity, line.UnitPrice, line.Quantity * line.UnitPrice, line.Product))
            .ToList();
        var subtotal = items.Sum(item => item.LineTotal);
        return new OrderEvent(id, updatedAt ?? Monday, locationId, orderedAt ?? Monday, items,
            CustomerId: customerId, Subtotal: subtotal, Total: subtotal);
    }

    public static LocationEvent Location(string id, string timeZone = "America/New_York", DateTimeOffset? updatedAt = null) =>
        new(id, updatedAt ?? Monday, $"Branch {id}", City: "Springfield", TimeZone: timeZone);

    public static ProductEvent Product(string id, decimal price = 10m, decimal? cost = 4m, DateTimeOffset? updatedAt = null) =>
        new(id, updatedAt ?? Monday, $"Product {id}", "Widgets", UnitPrice: price, UnitCost: cost);

    public static CustomerEvent Customer(string id, string homeLocationId, DateTimeOffset updatedAt, string segment = "retail") =>
        new(id, updatedAt, $"Customer {id}", HomeLocationId: homeLocationId, Segment: segment, City: "Springfield");

    public static IReadOnlyList<IncomingEvent> Incoming<T>(params T[] events)
        where T : IWireEvent => events.Select(e => IncomingEvent.From(e)).ToList();

    public static async IAsyncEnumerable<IncomingEvent> Stream(IEnumerable<IncomingEvent> events)
    {
        foreach (var incoming in events)
        {
            await Task.Yield();
            yield return incoming;
        }
    }
}
