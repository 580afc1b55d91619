using Microsoft.Extensions.Options;
using Northstar.Server.Options;

namespace Northstar.Server.Redis;

/// <summary>The node's Redis connection when <c>Northstar:Redis</c> is set; without it every node works alone.</summary>
internal sealed class OptionalRedis : IDisposable
{
    public OptionalRedis(IOptions<NorthstarOptions> options, ILogger<RedisConnection> logger) =>
        Connection = options.Value.Redis is { Length: > 0 } redis ? new RedisConnection(redis, logger) : null;

    /// <summary>The connection; null when Redis is not configured.</summary>
    public RedisConnection? Connection { get; }

    public void Dispose() => Connection?.Dispose();
}
