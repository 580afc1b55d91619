using Northstar.Server.Telemetry;

namespace Northstar.Server.Live;

/// <summary>
/// This node's live clients and the subscriptions (topics) they hold. A topic exists while at least one local client
/// holds it. Open clients are counted on the <see cref="LiveConnectionGauge"/> (the Technology KPIs). Thread-safe; every
/// method is short and holds one lock.
/// </summary>
internal sealed class LiveRegistry(LiveConnectionGauge gauge)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveTopic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The number of open clients (hub connections and event streams).</summary>
    public int ClientCount
    {
        get
        {
            lock (_lock)
                return _clients.Count;
        }
    }

    public void AddClient(LiveClient client)
    {
        lock (_lock)
        {
            if (!_clients.TryAdd(client.Id, client))
                return;
        }

        gauge.Connected();
    }

    public LiveClient? Client(string id)
    {
        lock (_lock)
            return _clients.GetValueOrDefault(id);
    }

    /// <summary>
    /// Gives <paramref name="clientId"/> the topic of <paramref name="candidate"/>'s key (the existing one, or the
    /// candidate, which then becomes the topic). Null when the client is gone.
    /// </summary>
    /// <exception cref="LiveRefusedException">The client holds <paramref name="maxPerClient"/> topics already.</exception>
    public LiveTopic? Subscribe(string clientId, LiveTopic candidate, int maxPerClient)
    {
        lock (_lock)
        {
            if (!_clients.TryGetValue(clientId, out var client))
                return null;
            if (!client.Keys.Contains(candidate.Key) && client.Keys.Count >= maxPerClient)
                throw new LiveRefusedException("spec", $"A connection holds at most {maxPerClient} subscriptions; unsubscribe some first.");
            if (!_topics.TryGetValue(candidate.Key, out var topic))
                _topics[candidate.Key] = topic = candidate;
            topic.Clients.Add(clientId);
            client.Keys.Add(candidate.Key);
            return topic;
        }
    }

    /// <summary>Takes the topic <paramref name="key"/> from the client; the topic ends when no client holds it.</summary>
    public void Unsubscribe(string clientId, string key)
    {
        lock (_lock)
        {
            if (_clients.TryGetValue(clientId, out var client))
                client.Keys.Remove(key);
            Release(clientId, key);
        }
    }

    /// <summary>Removes a client and its subscriptions; returns it, or null when it was gone already.</summary>
    public LiveClient? RemoveClient(string clientId)
    {
        LiveClient? client;
        lock (_lock)
        {
            if (!_clients.Remove(clientId, out client))
                return null;
            foreach (var key in client.Keys)
                Release(clientId, key);
        }

        gauge.Disconnected();
        return client;
    }

    public LiveTopic? Topic(string key)
    {
        lock (_lock)
            return _topics.GetValueOrDefault(key);
    }

    public IReadOnlyList<LiveTopic> Topics()
    {
        lock (_lock)
            return [.. _topics.Values];
    }

    public IReadOnlyList<LiveClient> Clients()
    {
        lock (_lock)
            return [.. _clients.Values];
    }

    /// <summary>The clients holding topic <paramref name="key"/>.</summary>
    public IReadOnlyList<LiveClient> ClientsOf(string key)
    {
        lock (_lock)
        {
            return _topics.TryGetValue(key, out var topic)
                ? [.. topic.Clients.Select(id => _clients.GetValueOrDefault(id)).OfType<LiveClient>()]
                : [];
        }
    }

    private void Release(string clientId, string key)
    {
        if (_topics.TryGetValue(key, out var topic) && topic.Clients.Remove(clientId) && topic.Clients.Count == 0)
            _topics.Remove(key);
    }
}
