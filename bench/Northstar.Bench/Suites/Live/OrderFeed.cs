using System.Globalization;
using System.Net;
using System.Text.Json;
using Northstar.Bench.Measuring;
using Northstar.Ingest.Wire;

namespace Northstar.Bench.Suites.Live;

/// <summary>One request of the feed: the branch of each of its orders, when it was sent and when the server acknowledged it.</summary>
internal sealed record OrderBatch(int Index, IReadOnlyList<string> Branches, DateTimeOffset SentAt, DateTimeOffset AckedAt);

/// <summary>
/// Signed webhook orders at a steady rate: batches of <see cref="BatchSize"/> events posted to
/// <c>POST /api/ingest/orders</c> on a fixed schedule (batch k at start + k × batch / rate), several in flight, each
/// event dated and stamped with its send time and spread over the branches in turn. Every answer must be 200 with the
/// whole batch accepted. What is kept of each batch is its acknowledgement time: where an event's latency starts.
/// </summary>
internal sealed class OrderFeed(HttpClient http, string source, string secret, IReadOnlyList<string> branches)
{
    public const int BatchSize = 20;

    // Enough to keep the rate while the server takes a few hundred milliseconds over a request, not so many that a
    // stalled server is buried under a queue of its own.
    public const int MaxInFlight = 64;

    private int _nextBatch;
    private long _nextOrder;

    /// <summary>Sends <paramref name="rate"/> events a second for <paramref name="duration"/>; returns the acknowledged batches.</summary>
    public async Task<IReadOnlyList<OrderBatch>> RunAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var size = Math.Min(BatchSize, rate);
        var every = TimeSpan.FromSeconds((double)size / rate);
        var count = (int)Math.Max(1, Math.Round(rate * duration.TotalSeconds / size));
        var acked = new OrderBatch[count];
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var sends = new List<Task>(count);
        var start = DateTimeOffset.UtcNow;
        var behind = TimeSpan.Zero;
        for (var k = 0; k < count; k++)
        {
            var due = start + (every * k);
            if (due - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            await inFlight.WaitAsync(cancellationToken);
            behind = TimeSpan.FromTicks(Math.Max(behind.Ticks, (DateTimeOffset.UtcNow - due).Ticks));
            var slot = k;
            sends.Add(Task.Run(async () =>
            {
                try
                {
                    acked[slot] = await SendAsync(size, cancellationToken);
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(sends);
        var elapsed = DateTimeOffset.UtcNow - start;
        Progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"live: {count * size:N0} events in {count:N0} batches acknowledged in {elapsed.TotalSeconds:N1} s "
            + $"(planned {duration.TotalSeconds:N0} s; "
            + $"at worst {behind.TotalMilliseconds:N0} ms behind schedule)"));
        return acked;
    }

    /// <summary>Sends one batch of <paramref name="size"/> orders now and returns it once acknowledged.</summary>
    public async Task<OrderBatch> SendAsync(int size, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _nextBatch);
        var sentAt = DateTimeOffset.UtcNow;
        var orderBranches = new string[size];
        var orders = new OrderEvent[size];
        for (var i = 0; i < size; i++)
        {
            var number = Interlocked.Increment(ref _nextOrder);
            orderBranches[i] = branches[(int)(number % branches.Count)];
            orders[i] = new OrderEvent(
                "live-bench-" + number.ToString(CultureInfo.InvariantCulture), sentAt, orderBranches[i], sentAt,
                [new OrderLineItem(1, 2, 12.50m, 25.00m)], Subtotal: 25.00m, Total: 25.00m);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(orders, WireFormat.Options);
        using var request = Signed(body);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var ackedAt = DateTimeOffset.UtcNow;
        Verify.Equal((int)HttpStatusCode.OK, (int)response.StatusCode, $"webhook response status ({text})");
        using (var document = JsonDocument.Parse(text))
            Verify.Equal(size, document.RootElement.GetProperty("accepted").GetInt32(), $"webhook events accepted ({text})");
        return new OrderBatch(index, orderBranches, sentAt, ackedAt);
    }

    private HttpRequestMessage Signed(byte[] body) => SignedOrders.Request(body, source, secret);
}
