using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Ingest.Wire;

namespace Northstar.Bench.Suites;

/// <summary>
/// Sustained webhook ingest: the real server as a process (embedded DuckDB), and K senders on loopback each posting
/// signed single order events, one at a time, until a fixed count is acknowledged. The figure is events/s over the
/// measured count and the acknowledgement latency of each request, from sending it to reading its response, and the
/// server's processor time per event over the measured count (including the background processing of what arrived),
/// which, unlike the rates, stays comparable on a machine that other work shares. Every response must be 200 with the
/// event accepted.
/// </summary>
internal sealed class WebhooksSuite : ISuite
{
    private const string Source = "bench";
    private const int WarmUpEvents = 1_000;

    // Per run, so that a second run against a server with data of the first still sends new events.
    private readonly string _secret = "bench-secret-" + Guid.NewGuid().ToString("N");

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Webhook ingest",
        $"{Figures.Count(settings.Rows)} signed single order events posted to `POST /api/ingest/orders` of the server "
        + $"(a process of its own, embedded DuckDB) by {settings.Senders} concurrent senders on loopback, after "
        + $"{Figures.Count(WarmUpEvents)} warm-up events; latency from sending a request to reading its response; the "
        + "server's processor time (all cores) per event over the measured count.",
        ["server", "events", "senders", "time", "events/s", "p50", "p95", "p99", "max", "server CPU/event", "all 200 accepted"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(
            settings.ServerPath, [$"--Northstar:Ingest:Sources:{Source}:Secret={_secret}"], cancellationToken);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Senders };
        using var client = new HttpClient(handler) { BaseAddress = server.Address };

        await SendAsync(client, "warm-up-", WarmUpEvents, settings.Senders, cancellationToken);
        Progress.Line($"webhooks: warm-up of {Figures.Count(WarmUpEvents)} events done");

        var processorTime = server.ProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var latencies = await SendAsync(client, "bench-", settings.Rows, settings.Senders, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var serverCpu = server.ProcessorTime - processorTime;
        Array.Sort(latencies);
        Progress.Line($"webhooks: {Figures.Count(settings.Rows)} events in {Figures.Duration(elapsed)}");

        return
        [
            [
                "Northstar.Server, DuckDB",
                Figures.Count(settings.Rows),
                settings.Senders.ToString(CultureInfo.InvariantCulture),
                Figures.Duration(elapsed),
                Figures.PerSecond(settings.Rows, elapsed, "events"),
                Figures.Duration(Percentile(latencies, 0.50)),
                Figures.Duration(Percentile(latencies, 0.95)),
                Figures.Duration(Percentile(latencies, 0.99)),
                Figures.Duration(latencies[^1]),
                Figures.Duration(serverCpu / settings.Rows),
                "yes",
            ],
        ];
    }

    /// <summary>Sends <paramref name="count"/> events from <paramref name="senders"/> senders; returns each one's latency.</summary>
    private async Task<TimeSpan[]> SendAsync(HttpClient client, string idPrefix, long count, int senders, CancellationToken cancellationToken)
    {
        var latencies = new TimeSpan[count];
        long next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(SenderAsync, cancellationToken)));
        return latencies;

        async Task SenderAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var body = Body(idPrefix + i.ToString(CultureInfo.InvariantCulture));
                var start = Stopwatch.GetTimestamp();
                using var request = Signed(body);
                using var response = await client.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(start);
                CheckAccepted(response.StatusCode, text);
            }
        }
    }

    private HttpRequestMessage Signed(byte[] body) => SignedOrders.Request(body, Source, _secret);

    private static byte[] Body(string id)
    {
        var now = DateTimeOffset.UtcNow;
        var order = new OrderEvent(
            id, now, "branch-0", now, [new OrderLineItem(1, 2, 12.50m, 25.00m)], Subtotal: 25.00m, Total: 25.00m);
        return JsonSerializer.SerializeToUtf8Bytes(order, WireFormat.Options);
    }

    private static void CheckAccepted(HttpStatusCode status, string body)
    {
        Verify.Equal((int)HttpStatusCode.OK, (int)status, $"webhook response status ({body})");
        using var document = JsonDocument.Parse(body);
        Verify.Equal(1, document.RootElement.GetProperty("accepted").GetInt32(), $"webhook events accepted ({body})");
    }

    // Nearest rank: the smallest latency that at least this share of the requests did not exceed.
    private static TimeSpan Percentile(TimeSpan[] sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
