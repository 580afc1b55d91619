using Microsoft.Extensions.Options;
using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Ingest;

/// <summary>
/// Moves accepted events from bronze to silver and gold in the background: once at start-up (anything left pending by
/// a crash) and after accepts, bursts coalesced by the <see cref="ProcessingSignal"/>. A run costs about the same for a
/// few events as for hundreds and competes with the accepts for the machine, so runs start at most once per
/// <see cref="IngestOptions.ProcessingInterval"/>, and at most once per twice the last run's length (but at least every
/// five seconds): a steady feed is applied in fewer, larger runs, with pauses in which the accepts have the machine to
/// themselves. (Four times the run's length, the earlier spacing, added up to a second to the time an event takes to
/// reach the dashboards and did not make the accepts measurably faster in the webhook benchmark.) A failed run is
/// logged and retried with a growing pause; it never stops the host.
/// </summary>
internal sealed partial class IngestProcessor(
    IngestPipeline pipeline, ProcessingSignal signal, IOptions<IngestOptions> options, TimeProvider time, ILogger<IngestProcessor> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    // Start-to-start spacing of runs, in multiples of the last run's length.
    private const int RunSpacingFactor = 2;

    // The longest pause between runs. A run goes on while events keep arriving (a steady feed can keep one run going for
    // a minute); twice that would leave what arrives at its very end waiting minutes.
    private static readonly TimeSpan LongestSpacing = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Raise();
        var retryDelay = FirstRetryDelay;
        var caughtUp = false;
        var interval = options.Value.ProcessingInterval;
        var spacing = TimeSpan.Zero;
        long? lastStart = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(stoppingToken);
                if (lastStart is { } last && time.GetElapsedTime(last) is var since && since < spacing)
                    await Task.Delay(spacing - since, time, stoppingToken);
                var start = time.GetTimestamp();
                lastStart = start;
                var outcome = await TryProcessAsync(stoppingToken);
                spacing = TimeSpan.FromTicks(Math.Max(
                    interval.Ticks, Math.Min(time.GetElapsedTime(start).Ticks * RunSpacingFactor, LongestSpacing.Ticks)));
                if (outcome is { } processed)
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
            // The pipeline logs what each run processed.
            var report = await pipeline.ProcessPendingAsync(stoppingToken);
            return report.TotalProcessed + report.Rejected;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingest processing caught up after start-up ({Processed} events processed)")]
    private static partial void LogCaughtUp(ILogger logger, long processed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing bronze events failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
