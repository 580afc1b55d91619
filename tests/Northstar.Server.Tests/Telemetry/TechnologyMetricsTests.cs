using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Telemetry;
using Northstar.Server.Tests.Ingest;
using Northstar.Testing;

namespace Northstar.Server.Tests.Telemetry;

/// <summary>
/// The Technology KPIs through POST /api/query over hand-made telemetry rows, on both engines, against the same numbers
/// computed here: the p95 by sorting the durations and interpolating like percentile_cont, error rate, availability,
/// average response time, and the average and peak live connections.
/// </summary>
public sealed class TechnologyMetricsTests
{
    [Fact]
    public Task Request_metrics_equal_a_hand_computation_on_DuckDB() => RequestMetricsScenario(TestEngine.DuckDb);

    [PostgresFact]
    public Task Request_metrics_equal_a_hand_computation_on_PostgreSQL() => RequestMetricsScenario(TestEngine.Postgres);

    [Fact]
    public Task Live_connection_metrics_equal_a_hand_computation_on_DuckDB() => LiveConnectionScenario(TestEngine.DuckDb);

    [PostgresFact]
    public Task Live_connection_metrics_equal_a_hand_computation_on_PostgreSQL() => LiveConnectionScenario(TestEngine.Postgres);

    // 2026-03-10 in America/Chicago (CDT, UTC-5): 05:00 UTC that day to 05:00 UTC the next.
    private const string Day = """ "time": { "range": { "from": "2026-03-10", "to": "2026-03-10" } } """;
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static async Task RequestMetricsScenario(TestEngine engine)
    {
        await using var app = await TelemetryApp.StartAsync(engine, recordRequests: false);
        var random = new Random(7);
        var requests = Enumerable.Range(0, 60).Select(i => new RequestRecord(
            Morning.AddSeconds(i * 37),
            i % 4 == 0 ? "GET" : "POST",
            i % 3 == 0 ? "/api/dashboards/{id}" : "/api/query",
            (short)(i % 9 == 0 ? 500 : i % 11 == 0 ? 503 : i % 5 == 0 ? 401 : 200),
            Math.Round(random.NextDouble() * random.NextDouble() * 2000, 3))).ToList();
        // 23:59 local on the 10th counts for the day; 00:00 local on the 11th (05:00 UTC) does not.
        requests.Add(new RequestRecord(new DateTimeOffset(2026, 3, 11, 4, 59, 0, TimeSpan.Zero), "POST", "/api/query", 200, 4321.5));
        var nextDay = new RequestRecord(new DateTimeOffset(2026, 3, 11, 5, 0, 0, TimeSpan.Zero), "POST", "/api/query", 500, 9999);
        using (var store = app.StoreFor(TelemetryApp.Node))
            await store.WriteRequestsAsync([.. requests, nextDay], CancellationToken.None);

        var answer = await app.QueryAsync($$"""
            { "metrics": ["requests", "api_p95_ms", "avg_response_ms", "server_errors", "error_rate", "availability"],
              "dimensions": ["route"], {{Day}} }
            """);

        AssertMetrics(requests, TelemetryApp.Total, answer);
        var rows = TelemetryApp.Rows(answer);
        Assert.Equal(["/api/dashboards/{id}", "/api/query"], rows.Select(row => (string)row["route"]!).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var ofRoute = requests.Where(request => request.Route == (string)row["route"]!).ToList();
            AssertMetrics(ofRoute, (_, metric) => (double?)row[metric], answer);
        }

        // A new write bumps the data version: the same question is answered again, not from the cache.
        using (var nodeB = app.StoreFor("node-b"))
            await nodeB.WriteRequestsAsync([requests[0] with { Status = 500 }], CancellationToken.None);
        var again = await app.QueryAsync($$"""{ "metrics": ["requests", "server_errors"], {{Day}} }""");
        Assert.Equal(requests.Count + 1, TelemetryApp.Total(again, "requests"));
        Assert.Equal(requests.Count(request => request.Status >= 500) + 1, TelemetryApp.Total(again, "server_errors"));
    }

    private static void AssertMetrics(
        List<RequestRecord> requests, Func<System.Text.Json.JsonElement, string, double?> value, System.Text.Json.JsonElement answer)
    {
        var errors = requests.Count(request => request.Status >= 500);
        Assert.InRange(errors, 1, requests.Count - 1);
        Assert.Equal(requests.Count, value(answer, "requests"));
        Assert.Equal(errors, value(answer, "server_errors"));
        AssertClose(PercentileCont(requests.Select(request => request.DurationMs), 0.95), value(answer, "api_p95_ms"));
        AssertClose(requests.Average(request => request.DurationMs), value(answer, "avg_response_ms"));
        AssertClose((double)errors / requests.Count, value(answer, "error_rate"));
        AssertClose((double)(requests.Count - errors) / requests.Count, value(answer, "availability"));
    }

    private static async Task LiveConnectionScenario(TestEngine engine)
    {
        await using var app = await TelemetryApp.StartAsync(engine, recordRequests: false);
        var minute = new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);
        int[] nodeA = [3, 5, 4, 0, 2];
        int[] nodeB = [1, 1, 6];
        // Node A through the app's own sampler and gauge, each sample taken some seconds into its minute.
        var gauge = app.Factory.Services.GetRequiredService<LiveConnectionGauge>();
        var sampler = app.Factory.Services.GetRequiredService<LiveConnectionSampler>();
        for (var i = 0; i < nodeA.Length; i++)
        {
            while (gauge.Current < nodeA[i])
                gauge.Connected();
            while (gauge.Current > nodeA[i])
                gauge.Disconnected();
            Assert.True(await sampler.SampleAsync(minute.AddMinutes(i).AddSeconds(42), CancellationToken.None));
        }

        using var storeB = app.StoreFor("node-b");
        for (var i = 0; i < nodeB.Length; i++)
            await storeB.WriteSampleAsync(minute.AddMinutes(i), nodeB[i], CancellationToken.None);

        var answer = await app.QueryAsync($$"""
            { "metrics": ["active_connections", "peak_node_connections", "connection_minutes", "sampled_minutes"],
              "dimensions": ["node"], {{Day}} }
            """);

        // Five sampled minutes (node B's three among them), 22 connections over them in all.
        Assert.Equal(5, TelemetryApp.Total(answer, "sampled_minutes"));
        Assert.Equal(nodeA.Sum() + nodeB.Sum(), TelemetryApp.Total(answer, "connection_minutes"));
        AssertClose((nodeA.Sum() + nodeB.Sum()) / 5.0, TelemetryApp.Total(answer, "active_connections"));
        Assert.Equal(6, TelemetryApp.Total(answer, "peak_node_connections"));
        var byNode = TelemetryApp.Rows(answer).ToDictionary(row => (string)row["node"]!);
        AssertClose(nodeA.Average(), (double?)byNode[TelemetryApp.Node]["active_connections"]);
        AssertClose(nodeB.Average(), (double?)byNode["node-b"]["active_connections"]);
        Assert.Equal(5.0, byNode[TelemetryApp.Node]["peak_node_connections"]);
    }

    /// <summary>The continuous percentile: linear interpolation at position fraction × (n − 1) of the sorted values.</summary>
    private static double PercentileCont(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static void AssertClose(double expected, double? actual) =>
        Assert.True(actual is { } value && Math.Abs(value - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                    $"expected {expected}, got {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");
}
