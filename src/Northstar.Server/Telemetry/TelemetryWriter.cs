using Microsoft.Extensions.Options;

namespace Northstar.Server.Telemetry;

/// <summary>
/// Writes the recorded requests to gold.fact_requests every <see cref="TelemetryOptions.FlushSeconds"/>, and once more
/// when the server stops. A failed write is logged once per outage and its rows are lost: telemetry never blocks the
/// requests it records nor stops the host.
/// </summary>
internal sealed partial class TelemetryWriter(
    RequestLog log, IServiceProvider services, IOptions<TelemetryOptions> options, ILogger<TelemetryWriter> logger) : BackgroundService
{
    private readonly OutageLog _outage = new(logger, "request telemetry");
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private long _droppedReported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is still queued below.
        }

        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes every request queued so far; returns how many were written (0 when the write failed).</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            ReportDropped();
            var batch = log.Take(options.Value.QueueCapacity);
            if (batch.Count == 0)
                return 0;
            try
            {
                // Resolved here, not injected: the model (for the company's time zone) loads while the host starts.
                await services.GetRequiredService<TelemetryStore>().WriteRequestsAsync(batch, cancellationToken);
                _outage.Succeeded();
                return batch.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _outage.Failed(e, batch.Count);
                return 0;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    private void ReportDropped()
    {
        var dropped = log.Dropped;
        if (dropped == _droppedReported)
            return;
        LogDropped(logger, dropped - _droppedReported, options.Value.QueueCapacity);
        _droppedReported = dropped;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Dropped} requests were not recorded: more than {Capacity} waited for the telemetry write " +
                  "(Northstar:Telemetry:QueueCapacity)")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity);
}
