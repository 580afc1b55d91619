namespace Northstar.Warehouse.Postgres;

/// <summary>What the last check of one replica found; immutable, swapped whole so readers never see half a check.</summary>
/// <param name="CheckedAt">When it was checked (<see cref="System.Diagnostics.Stopwatch"/> timestamp); null when never checked.</param>
/// <param name="Reachable">Whether it answered.</param>
/// <param name="Lag">Its replay lag behind the primary; zero when caught up; null when unknown.</param>
/// <param name="InUse">Whether reads go to it: reachable, in recovery, and lag within the bound.</param>
/// <param name="Error">Why it is not in use, in words safe to show; null when in use.</param>
internal sealed record ReplicaHealth(long? CheckedAt, bool Reachable, TimeSpan? Lag, bool InUse, string? Error)
{
    /// <summary>The state before the first check: not in use until a check says otherwise.</summary>
    public static ReplicaHealth Unchecked { get; } = new(null, false, null, false, "not checked yet");
}
