using System.Text.Json;

namespace Northstar.Bench.Suites.Live;

/// <summary>
/// One question the clients subscribe, and how to read from its answer how many of the feed's orders it includes: the
/// count of today's orders it shows (its total, or the sum of its rows when grouped), which only grows while orders
/// arrive. A subscription that does not read orders (leads) must not be pushed at all while only orders arrive.
/// </summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Spec">The query spec, as <c>POST /api/query</c> takes it.</param>
/// <param name="Branch">The one branch whose orders it counts; null: every branch's.</param>
/// <param name="ReadsOrders">Whether the feed's orders change its answer.</param>
internal sealed record LiveSubscription(string Name, object Spec, string? Branch, bool ReadsOrders)
{
    private const string OrdersMetric = "orders";

    /// <summary>The subscriptions the clients are spread over, in this order (the first is the one the recomputation is timed on).</summary>
    public static IReadOnlyList<LiveSubscription> All(string branch) =>
    [
        new("revenue + orders, today", new { metrics = new[] { "revenue", OrdersMetric }, time = Today }, Branch: null, ReadsOrders: true),
        new("revenue + orders by branch, today",
            new { metrics = new[] { "revenue", OrdersMetric }, dimensions = new[] { "location" }, time = Today }, Branch: null, ReadsOrders: true),
        new($"orders of {branch}, today",
            new
            {
                metrics = new[] { OrdersMetric },
                time = Today,
                filters = new[] { new { member = "location_id", op = "equals", values = new[] { branch } } },
            },
            branch, ReadsOrders: true),
        new("leads, today", new { metrics = new[] { "leads" }, time = Today }, Branch: null, ReadsOrders: false),
    ];

    private static object Today => new { range = new { preset = "today" } };

    /// <summary>The same question asked so that no answer of it is cached (a limit no subscription gives): a recomputation.</summary>
    public object UncachedSpec(int round)
    {
        var spec = JsonSerializer.SerializeToNode(Spec)!.AsObject();
        spec["limit"] = 5_000 + round;
        return spec;
    }

    /// <summary>How many of <paramref name="batch"/>'s orders this subscription's answer includes once it is processed.</summary>
    public int OrdersIn(OrderBatch batch) => !ReadsOrders ? 0 : Branch is null ? batch.Branches.Count : batch.Branches.Count(b => b == Branch);

    /// <summary>The orders an answer (a <c>QueryResponse</c>) counts; null for a subscription that does not read orders.</summary>
    public long? Orders(JsonElement answer)
    {
        if (!ReadsOrders)
            return null;
        if (answer.GetProperty("totals").TryGetProperty(OrdersMetric, out var total) && total.ValueKind == JsonValueKind.Number)
            return total.GetInt64();

        // Grouped answers may carry no grand total: the rows add up to it (an order belongs to one branch).
        var column = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList().IndexOf(OrdersMetric);
        if (column < 0)
            throw new InvalidOperationException($"The answer of \"{Name}\" has no {OrdersMetric} column: {answer}");
        return answer.GetProperty("rows").EnumerateArray()
            .Sum(row => row[column].ValueKind == JsonValueKind.Number ? row[column].GetInt64() : 0);
    }
}
