namespace Northstar.Server.Live;

/// <summary>What the live layer of this node did since start, for tests, the benchmark and operators.</summary>
internal sealed class LiveCounters
{
    private long _computations;
    private long _claimsLost;
    private long _published;
    private long _delivered;
    private long _closed;

    /// <summary>Answers this node computed for the cluster (rounds it claimed).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>Rounds another node claimed first.</summary>
    public long ClaimsLost => Interlocked.Read(ref _claimsLost);

    /// <summary>Updates this node computed that changed the answer, and published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Updates this node forwarded to its own clients (once per subscription, however many clients hold it).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Connections this node closed because their credentials no longer held.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public void Computed() => Interlocked.Increment(ref _computations);

    public void ClaimLost() => Interlocked.Increment(ref _claimsLost);

    public void PublishedOne() => Interlocked.Increment(ref _published);

    public void DeliveredOne() => Interlocked.Increment(ref _delivered);

    public void ClosedOne() => Interlocked.Increment(ref _closed);
}
