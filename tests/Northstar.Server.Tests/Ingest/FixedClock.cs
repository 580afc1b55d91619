namespace Northstar.Server.Tests.Ingest;

/// <summary>A clock that says what the test set, so the freshness of signatures is tested against a known "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
