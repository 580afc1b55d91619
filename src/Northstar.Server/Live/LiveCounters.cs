namespace Northstar.Server.Live;

/// <summary>What the live layer of this node did since start, for tests and operators.</summary>
internal sealed class LiveCounters
{
    private long _computations;
    private long _closed;

    /// <summary>Answers this node computed for the cluster (rounds it claimed).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>Connections this node closed because their credentials no longer held.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public void Computed() => Interlocked.Increment(ref _computations);

    public void ClosedOne() => Interlocked.Increment(ref _closed);
}
