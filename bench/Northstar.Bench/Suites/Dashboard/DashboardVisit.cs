using System.Text.Json;
using Microsoft.Playwright;
using Northstar.Bench.Targets;

namespace Northstar.Bench.Suites.Dashboard;

/// <summary>One visit of a dashboard in a new tab: the time to every tile rendered, the batch request's round trip and
/// the server's time for the batch.</summary>
internal sealed record DashboardVisit(TimeSpan Rendered, TimeSpan Batch, TimeSpan Server)
{
    private const float Patience = 600_000;

    public static async Task<DashboardVisit> RunAsync(IBrowserContext context, string dashboard, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = await context.NewPageAsync();
        try
        {
            var batchResponse = page.WaitForResponseAsync(response => response.Url.Contains("/api/query/batch", StringComparison.Ordinal),
                                                          new PageWaitForResponseOptions { Timeout = Patience });
            await page.GotoAsync($"/dashboards/{dashboard}");
            var rendered = await page.WaitForFunctionAsync(RenderWatch.RenderedAt, null, new PageWaitForFunctionOptions { Timeout = Patience });
            var response = await batchResponse;
            var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var batch = await page.EvaluateAsync<double>("""
                () => {
                  const entry = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/query/batch')).at(-1);
                  return entry ? entry.responseEnd - entry.startTime : -1;
                }
                """);
            return new DashboardVisit(
                TimeSpan.FromMilliseconds(await rendered.JsonValueAsync<double>()),
                TimeSpan.FromMilliseconds(batch),
                TimeSpan.FromMilliseconds(ServerMilliseconds(dashboard, lines)));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    // In a batch, each answer's meta.ms is the time from the batch's start to that answer: the largest is the batch's.
    private static double ServerMilliseconds(string dashboard, string[] lines)
    {
        var most = 0d;
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
                throw new BenchSetupException($"A tile of the {dashboard} dashboard failed: {error}");
            most = Math.Max(most, document.RootElement.GetProperty("answer").GetProperty("meta").GetProperty("ms").GetDouble());
        }

        return most;
    }
}
