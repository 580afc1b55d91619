namespace Northstar.Server.Live;

/// <summary>The clock the live layer paces subscriptions by: the system's, or a test's that it moves by hand.</summary>
internal sealed class LiveClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
