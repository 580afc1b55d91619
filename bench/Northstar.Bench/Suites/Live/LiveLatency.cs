namespace Northstar.Bench.Suites.Live;

/// <summary>A duration and the instant it is filed under (a batch's acknowledgement, an update's receipt).</summary>
internal readonly record struct TimedSample(DateTimeOffset At, TimeSpan Value);

/// <summary>What the clients of one subscription saw of the feed.</summary>
/// <param name="Latencies">One per (batch, client) pair, at the batch's acknowledgement: the first receipt of an update
/// including the batch, minus that acknowledgement.</param>
/// <param name="Pushes">One per update received, at its receipt: the receipt minus the time the server started computing it
/// (the server's <c>computedAt</c>; same machine, same clock): the recomputation, fan-out and delivery part of the latency.</param>
/// <param name="Unseen">(batch, client) pairs for which no update including the batch arrived before the end.</param>
/// <param name="Updates">Updates the clients received in all.</param>
internal sealed record LiveFigures(TimedSample[] Latencies, TimedSample[] Pushes, long Unseen, long Updates);

/// <summary>
/// Event-acknowledged → client-received latency from the counts of orders the answers show. Batches are taken in the
/// order they were acknowledged, each raising the expected count by the orders of it the subscription reads; an update
/// includes a batch once it counts at least the snapshot's orders plus that running total. The latency of a batch for
/// one client is the first such update's receipt minus the batch's acknowledgement (both on this machine's clock).
/// </summary>
internal static class LiveLatency
{
    public static LiveFigures Measure(LiveSubscription subscription, IReadOnlyList<OrderBatch> batches, IReadOnlyList<LiveViewer> viewers)
    {
        var acked = batches.OrderBy(batch => batch.AckedAt).Select(batch => (batch.AckedAt, Orders: subscription.OrdersIn(batch)))
            .Where(batch => batch.Orders > 0).ToList();
        var latencies = new List<TimedSample>(subscription.ReadsOrders ? acked.Count * viewers.Count : 0);
        var pushes = new List<TimedSample>();
        long unseen = 0;
        long updates = 0;
        foreach (var viewer in viewers)
        {
            var receipts = viewer.Receipts();
            updates += receipts.Length;
            pushes.AddRange(receipts.Select(receipt => new TimedSample(receipt.ReceivedAt, receipt.ReceivedAt - receipt.ComputedAt)));
            if (!subscription.ReadsOrders)
                continue;

            var expected = viewer.InitialOrders ?? 0;
            var next = 0;
            var shown = long.MinValue;
            foreach (var (ackedAt, orders) in acked)
            {
                expected += orders;
                while (shown < expected && next < receipts.Length)
                    shown = Math.Max(shown, receipts[next++].Orders ?? long.MinValue);
                if (shown >= expected)
                    latencies.Add(new TimedSample(ackedAt, receipts[next - 1].ReceivedAt - ackedAt));
                else
                    unseen++;
            }
        }

        return new LiveFigures([.. latencies], [.. pushes], unseen, updates);
    }
}
