using System.Collections.Concurrent;
using Northstar.Ingest.Pipeline;

namespace Northstar.Server.Live;

/// <summary>The backplane of a single node: everything is delivered in process, and every claim is this node's.</summary>
internal sealed class InProcessLiveBackplane : ILiveBackplane
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public event Action<DataChange>? ChangeReceived;

    public event Action<LiveUpdateMessage>? UpdateReceived;

    public event Action<long>? RevocationReceived;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishChangeAsync(DataChange change)
    {
        ChangeReceived?.Invoke(change);
        return Task.CompletedTask;
    }

    public Task PublishUpdateAsync(LiveUpdateMessage update)
    {
        UpdateReceived?.Invoke(update);
        return Task.CompletedTask;
    }

    public Task PublishRevocationAsync(long userId)
    {
        RevocationReceived?.Invoke(userId);
        return Task.CompletedTask;
    }

    public Task<bool> TryClaimAsync(string key, string round, TimeSpan lifetime) => Task.FromResult(true);

    public Task<bool> ExchangeContentHashAsync(string key, string hash)
    {
        var previous = _hashes.GetValueOrDefault(key);
        _hashes[key] = hash;
        return Task.FromResult(previous != hash);
    }

    public Task RememberContentHashAsync(string key, string hash)
    {
        _hashes.TryAdd(key, hash);
        return Task.CompletedTask;
    }

    public void Forget(string key) => _hashes.TryRemove(key, out _);
}
