namespace Northstar.Ingest.Tests.Webhooks;

/// <summary>A clock that says what the test set, so signature freshness is tested at exact boundaries.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
