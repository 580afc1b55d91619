using Microsoft.Extensions.Options;
using Northstar.Ingest.Square;

namespace Northstar.Server.Ingest;

/// <summary>
/// Runs the Square sync every <see cref="SquareOptions.Schedule"/> while the server serves (when enabled), one run at
/// a time, and hands what it accepted to the ingest processor. A failed run is logged and the next one retries from
/// the watermark; it never stops the host.
/// </summary>
internal sealed partial class SquareSyncSchedule(
    IOptions<SquareOptions> options, IServiceProvider services, ProcessingSignal signal, ILogger<SquareSyncSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;

        using var timer = new PeriodicTimer(options.Value.Schedule);
        do
        {
            try
            {
                var report = await services.GetRequiredService<SquareSync>().RunAsync(null, stoppingToken);
                if (report.Accepted > 0)
                    signal.Raise();
                LogRun(logger, report.Pages, report.Orders, report.Accepted, report.Duplicates, report.Watermark);
            }
            catch (Exception e) when (e is SquareSyncException or HttpRequestException or System.Data.Common.DbException)
            {
                LogFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Square sync: {Pages} pages, {Orders} orders, {Accepted} new, {Duplicates} already known; watermark {Watermark}")]
    private static partial void LogRun(ILogger logger, int pages, long orders, long accepted, long duplicates, DateTimeOffset? watermark);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Square sync failed; the next run resumes from the watermark: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
