using Northstar.Server.Redis;
using StackExchange.Redis;

namespace Northstar.Server.Queries;

/// <summary>
/// The shared answer cache on Redis. While Redis is unreachable every read is a miss and every write is dropped, so
/// queries keep coming from the memory cache and the engine.
/// </summary>
internal sealed class RedisAnswerStore(RedisConnection redis) : ISharedAnswerStore
{
    public async Task<byte[]?> GetAsync(string key)
    {
        try
        {
            if (await redis.ConnectedAsync() is not { } connection)
                return null;
            var value = await connection.GetDatabase().StringGetAsync(key).WaitAsync(RedisConnection.OperationTimeout);
            redis.Up();
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.Down(e.Message);
            return null;
        }
    }

    public async Task SetAsync(string key, byte[] value, TimeSpan lifetime)
    {
        try
        {
            if (await redis.ConnectedAsync() is not { } connection)
                return;
            await connection.GetDatabase().StringSetAsync(key, value, lifetime).WaitAsync(RedisConnection.OperationTimeout);
            redis.Up();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.Down(e.Message);
        }
    }
}
