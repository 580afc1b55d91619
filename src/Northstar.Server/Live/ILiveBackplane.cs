using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Live;

/// <summary>
/// What the nodes of a cluster share for live updates: data changes, computed updates and credential revocations are
/// published to every node (this one included), and each round of a subscription is claimed by one node, which alone
/// computes it. In-process on a single node; Redis pub/sub and keys when <c>Northstar:Redis</c> is set.
/// </summary>
internal interface ILiveBackplane
{
    /// <summary>Raised on every node for each published data change.</summary>
    event Action<DataChange>? ChangeReceived;

    /// <summary>Raised on every node for each published update.</summary>
    event Action<LiveUpdateMessage>? UpdateReceived;

    /// <summary>Raised on every node for each published revocation (a user id).</summary>
    event Action<long>? RevocationReceived;

    Task StartAsync(CancellationToken cancellationToken);

    Task PublishChangeAsync(DataChange change);

    Task PublishUpdateAsync(LiveUpdateMessage update);

    Task PublishRevocationAsync(long userId);

    /// <summary>Whether this node is the one to compute <paramref name="round"/> of subscription <paramref name="key"/>.</summary>
    Task<bool> TryClaimAsync(string key, string round, TimeSpan lifetime);

    /// <summary>Records <paramref name="hash"/> as the content last sent for <paramref name="key"/>; true when it differs from the previous one.</summary>
    Task<bool> ExchangeContentHashAsync(string key, string hash);

    /// <summary>Records <paramref name="hash"/> as what the subscribers of a new subscription were sent, unless the cluster knows one already.</summary>
    Task RememberContentHashAsync(string key, string hash);

    /// <summary>This node holds subscription <paramref name="key"/> no longer.</summary>
    void Forget(string key);
}
