using System.Globalization;
using System.Text.Json;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Redis;
using StackExchange.Redis;

namespace Northstar.Server.Live;

/// <summary>
/// The backplane of a cluster, on Redis: three pub/sub channels (every node, this one included, receives what any
/// node publishes), a key per claimed round (<c>SET NX</c> with a lifetime) and a key per subscription holding the hash
/// of the content last sent, all named after the cluster (<see cref="LiveClusterName"/>). While Redis is unreachable the node keeps serving its own clients: what it publishes is
/// delivered locally and it claims every round itself.
/// </summary>
internal sealed class RedisLiveBackplane(RedisConnection redis, string clusterName) : ILiveBackplane
{
    private readonly string _prefix = $"northstar:live:{clusterName}:";

    // A subscription's content hash outlives quiet periods; a key nobody uses expires.
    private static readonly TimeSpan HashLifetime = TimeSpan.FromDays(1);

    private readonly InProcessLiveBackplane _local = new();

    public event Action<DataChange>? ChangeReceived;

    public event Action<LiveUpdateMessage>? UpdateReceived;

    public event Action<long>? RevocationReceived;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _local.ChangeReceived += change => ChangeReceived?.Invoke(change);
        _local.UpdateReceived += update => UpdateReceived?.Invoke(update);
        _local.RevocationReceived += user => RevocationReceived?.Invoke(user);

        // Subscriptions are made on the multiplexer even before it connects, and restored after every reconnection.
        var subscriber = (await redis.MultiplexerAsync()).GetSubscriber();
        await subscriber.SubscribeAsync(Channel("changes"), (_, value) => ChangeReceived?.Invoke(Decode<DataChange>(value)));
        await subscriber.SubscribeAsync(Channel("updates"), (_, value) => UpdateReceived?.Invoke(Decode<LiveUpdateMessage>(value)));
        await subscriber.SubscribeAsync(Channel("revocations"), (_, value) => RevocationReceived?.Invoke(
            long.Parse((string)value!, CultureInfo.InvariantCulture)));
    }

    public Task PublishChangeAsync(DataChange change) =>
        PublishAsync(Channel("changes"), JsonSerializer.Serialize(change, JsonSerializerOptions.Web), () => _local.PublishChangeAsync(change));

    public Task PublishUpdateAsync(LiveUpdateMessage update) =>
        PublishAsync(Channel("updates"), JsonSerializer.Serialize(update, JsonSerializerOptions.Web), () => _local.PublishUpdateAsync(update));

    public Task PublishRevocationAsync(long userId) =>
        PublishAsync(Channel("revocations"), userId.ToString(CultureInfo.InvariantCulture), () => _local.PublishRevocationAsync(userId));

    public Task<bool> TryClaimAsync(string key, string round, TimeSpan lifetime) =>
        RunAsync(
            database => database.StringSetAsync($"{_prefix}claim:{key}:{round}", "1", lifetime, When.NotExists),
            () => _local.TryClaimAsync(key, round, lifetime));

    public Task<bool> ExchangeContentHashAsync(string key, string hash) =>
        RunAsync(
            async database =>
            {
                var previous = await database.StringGetSetAsync(HashKey(key), hash);
                await database.KeyExpireAsync(HashKey(key), HashLifetime);
                return previous != hash;
            },
            () => _local.ExchangeContentHashAsync(key, hash));

    public Task RememberContentHashAsync(string key, string hash) =>
        RunAsync(
            database => database.StringSetAsync(HashKey(key), hash, HashLifetime, When.NotExists),
            async () =>
            {
                await _local.RememberContentHashAsync(key, hash);
                return true;
            });

    public void Forget(string key) => _local.Forget(key);

    private string HashKey(string key) => $"{_prefix}hash:{key}";

    private RedisChannel Channel(string name) => new(_prefix + name, RedisChannel.PatternMode.Literal);

    private static T Decode<T>(RedisValue value) =>
        JsonSerializer.Deserialize<T>((string)value!, JsonSerializerOptions.Web)
        ?? throw new JsonException($"An empty {typeof(T).Name} came through Redis.");

    private async Task PublishAsync(RedisChannel channel, string message, Func<Task> locally)
    {
        try
        {
            if (await redis.ConnectedAsync() is { } connection)
            {
                await connection.GetSubscriber().PublishAsync(channel, message).WaitAsync(RedisConnection.OperationTimeout);
                redis.Up();
                return;
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.Down(e.Message);
        }

        await locally();
    }

    private async Task<bool> RunAsync(Func<IDatabase, Task<bool>> command, Func<Task<bool>> locally)
    {
        try
        {
            if (await redis.ConnectedAsync() is { } connection)
            {
                var result = await command(connection.GetDatabase()).WaitAsync(RedisConnection.OperationTimeout);
                redis.Up();
                return result;
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.Down(e.Message);
        }

        return await locally();
    }
}
