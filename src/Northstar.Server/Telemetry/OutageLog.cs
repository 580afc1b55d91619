namespace Northstar.Server.Telemetry;

/// <summary>
/// Logs a failing telemetry write once per outage, not once per attempt: the first failure as a warning with its reason,
/// the recovery with what was lost meanwhile. Telemetry must never crash the host nor flood its log.
/// </summary>
internal sealed partial class OutageLog(ILogger logger, string what)
{
    private bool _failing;
    private long _lost;

    /// <summary>A write failed; <paramref name="lost"/> rows were not written.</summary>
    public void Failed(Exception exception, long lost)
    {
        _lost += lost;
        if (_failing)
            return;
        _failing = true;
        LogFailed(logger, exception, what);
    }

    /// <summary>A write succeeded.</summary>
    public void Succeeded()
    {
        if (!_failing)
            return;
        LogRecovered(logger, what, _lost);
        (_failing, _lost) = (false, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {What} to the warehouse failed; retrying quietly until it works again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writing {What} to the warehouse works again; {Lost} rows were lost meanwhile")]
    private static partial void LogRecovered(ILogger logger, string what, long lost);
}
