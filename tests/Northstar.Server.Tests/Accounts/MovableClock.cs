namespace Northstar.Server.Tests.Accounts;

/// <summary>A clock the test moves forward, so expiry and throttling windows pass without waiting.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
