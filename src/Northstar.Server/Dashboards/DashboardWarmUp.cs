using System.Diagnostics;
using Microsoft.Extensions.Options;
using Northstar.Core.Queries;
using Northstar.Server.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>
/// Once the server listens, answers every tile of every dashboard as the UI asks for it with the default filters, for
/// an unrestricted caller, through the batch runner (and so into the answer cache): the first visit after a start then
/// finds a Super Admin's answers cached, and whoever comes finds the engine's caches and the query path's
/// code warm instead of paying for them on the first tiles. <c>Northstar:Query:WarmUpDashboards</c> turns it off. A
/// failing tile is logged and skipped; stopping the server stops the warm-up.
/// </summary>
internal sealed partial class DashboardWarmUp(
    LoadedDashboards dashboards,
    BatchRunner runner,
    IHostApplicationLifetime lifetime,
    IOptions<QueryOptions> options,
    ILogger<DashboardWarmUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has answered every tile (or was turned off, or stopped).</summary>
    public Task Finished => _finished.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!options.Value.WarmUpDashboards)
                return;

            await ListeningAsync(stoppingToken);

            var started = Stopwatch.GetTimestamp();
            var (answered, failed) = (0, 0);
            foreach (var dashboard in dashboards.All)
            {
                var queries = dashboard.Queries
                    .Select((tile, index) => new BatchQuery { Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture), Spec = tile.Spec })
                    .ToList();
                await foreach (var line in runner.RunAsync(queries, QueryScope.Unrestricted, stoppingToken))
                {
                    if (line.Error is null)
                        answered++;
                    else
                        failed++;
                }
            }

            LogWarmedUp(logger, dashboards.All.Count, answered, failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            // A warm-up is a courtesy: whatever stops it must not stop the server.
            LogFailed(logger, failure);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    // Completes once the server listens; cancelled when it stops first.
    private async Task ListeningAsync(CancellationToken stoppingToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => listening.TrySetResult());
        await listening.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboards' warm-up stopped; the server goes on without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dashboards warmed up: {Dashboards} dashboards, {Answered} tile answers cached, {Failed} failed, in {Milliseconds:F0} ms")]
    private static partial void LogWarmedUp(ILogger logger, int dashboards, int answered, int failed, double milliseconds);
}
