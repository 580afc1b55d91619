using Microsoft.Extensions.Options;

namespace Northstar.Server.Telemetry;

/// <summary>
/// Writes the <see cref="LiveConnectionGauge"/> of this node to gold.fact_live_samples at the start of every minute: one
/// row per node per minute, stamped with the minute. A failed write is logged once per outage; that minute is lost.
/// </summary>
internal sealed class LiveConnectionSampler(
    LiveConnectionGauge gauge, IServiceProvider services, IOptions<TelemetryOptions> options, TimeProvider time,
    ILogger<LiveConnectionSampler> logger) : BackgroundService
{
    private readonly OutageLog _outage = new(logger, "live connection samples");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        while (true)
        {
            // Stamped with the minute waited for, not the time the delay ended: one row per minute even if a timer fires early.
            var now = time.GetUtcNow();
            var minute = StartOfMinute(now).AddMinutes(1);
            try
            {
                await Task.Delay(minute - now, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await SampleAsync(minute, CancellationToken.None);
        }
    }

    /// <summary>Writes the connections open now as the sample of <paramref name="minute"/>; false when the write failed.</summary>
    public async Task<bool> SampleAsync(DateTimeOffset minute, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<TelemetryStore>().WriteSampleAsync(minute, gauge.Current, cancellationToken);
            _outage.Succeeded();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(e, 1);
            return false;
        }
    }

    private static DateTimeOffset StartOfMinute(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
