namespace Northstar.Server.Telemetry;

/// <summary>
/// The live connections (hub or event-stream clients) open on this node right now: the live endpoints call
/// <see cref="Connected"/> and <see cref="Disconnected"/>, and <see cref="LiveConnectionSampler"/> writes
/// <see cref="Current"/> to gold.fact_live_samples once a minute. Thread-safe.
/// </summary>
public sealed class LiveConnectionGauge
{
    private int _current;

    /// <summary>The connections open now.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>A live connection opened.</summary>
    public void Connected() => Interlocked.Increment(ref _current);

    /// <summary>A live connection closed.</summary>
    public void Disconnected() => Interlocked.Decrement(ref _current);
}
