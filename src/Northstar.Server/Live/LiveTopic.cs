using Northstar.Core.Queries;

namespace Northstar.Server.Live;

/// <summary>
/// One subscription as this node holds it: a question, the scope it is asked under and its interval, shared by every
/// local client that subscribed to the same. Recomputed when its data changes, at most once per interval.
/// </summary>
internal sealed class LiveTopic(string key, QuerySpec spec, QueryScope scope, TimeSpan interval)
{
    public string Key { get; } = key;

    public QuerySpec Spec { get; } = spec;

    public QueryScope Scope { get; } = scope;

    public TimeSpan Interval { get; } = interval;

    /// <summary>The ids of the local clients holding it; guarded by the registry's lock.</summary>
    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Guards the scheduling state below.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Data it reads changed since its last computation.</summary>
    public bool Dirty { get; set; }

    /// <summary>A computation is scheduled or running.</summary>
    public bool Scheduled { get; set; }

    /// <summary>When it was last computed in the cluster (a <see cref="TimeProvider"/> timestamp); 0: never.</summary>
    public long ComputedAt { get; set; }

    /// <summary>The computation time of the newest update forwarded to the clients: older ones are dropped.</summary>
    public DateTimeOffset NewestUpdate { get; set; } = DateTimeOffset.MinValue;
}
