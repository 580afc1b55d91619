using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Ingest;

/// <summary>
/// Moves accepted events from bronze to silver and gold in the background: once at start-up (anything left pending by
/// a crash) and after every accept, bursts coalesced by the <see cref="ProcessingSignal"/>. A failed run is logged and
/// retried with a growing pause; it never stops the host.
/// </summary>
internal sealed partial class IngestProcessor(
    IngestPipeline pipeline, ProcessingSignal signal, TimeProvider time, ILogger<IngestProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Raise();
        var retryDelay = FirstRetryDelay;
        var caughtUp = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(stoppingToken);
                if (await TryProcessAsync(stoppingToken) is { } processed)
                {
                    // Reported even when nothing was pending, so operators (and the crash test) can tell that
                    // whatever a previous run left in bronze has now been applied.
                    if (!caughtUp)
                        LogCaughtUp(logger, processed);
                    caughtUp = true;
                    retryDelay = FirstRetryDelay;
                    continue;
                }

                await Task.Delay(retryDelay, time, stoppingToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LongestRetryDelay.Ticks));
                signal.Raise();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; whatever is still pending is picked up at the next start.
        }
    }

    /// <summary>Runs the pipeline once: the number of events processed, or null when the run failed.</summary>
    private async Task<long?> TryProcessAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = await pipeline.ProcessPendingAsync(stoppingToken);
            if (report.TotalProcessed > 0 || report.Rejected > 0)
                LogProcessed(logger, report.TotalProcessed, report.Rejected, report.Elapsed.TotalMilliseconds);
            return report.TotalProcessed + report.Rejected;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Processed {Processed} bronze events into silver and gold ({Rejected} rejected) in {ElapsedMs:0} ms")]
    private static partial void LogProcessed(ILogger logger, long processed, long rejected, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingest processing caught up after start-up ({Processed} events processed)")]
    private static partial void LogCaughtUp(ILogger logger, long processed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing bronze events failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
