using StackExchange.Redis;

namespace Northstar.Server.Redis;

/// <summary>
/// The node's one connection to Redis (<c>Northstar:Redis</c>), shared by the answer cache and the live backplane.
/// Connects lazily and in the background (a server starts and answers without Redis) and reconnects by itself; while
/// Redis is unreachable its users fall back to what the node can do alone, with one warning per outage and a note
/// when it is back.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    /// <summary>How long one command may take before it counts as an outage.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly ILogger<RedisConnection> _logger;
    private int _down;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = 1000;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <summary>
    /// The multiplexer when Redis is connected, else null (an outage). Only the first calls wait for the first
    /// connection, at most its connect timeout: afterwards the client reconnects in the background and no caller waits.
    /// </summary>
    public async Task<ConnectionMultiplexer?> ConnectedAsync()
    {
        try
        {
            var connection = await _connection.Value.WaitAsync(ConnectTimeout * 2);
            if (connection.IsConnected)
                return connection;
            Down("not connected");
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Down(e.Message);
            return null;
        }
    }

    /// <summary>The multiplexer, connected or not (its subscriptions are restored when it reconnects).</summary>
    public Task<ConnectionMultiplexer> MultiplexerAsync() => _connection.Value;

    /// <summary>Records that a command failed: a warning on the first failure of an outage.</summary>
    public void Down(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
            LogDown(_logger, reason);
    }

    /// <summary>Records that a command succeeded: a note when it ends an outage.</summary>
    public void Up()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
            LogUp(_logger);
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
            _connection.Value.Result.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable; this node serves from its memory cache, the engine and its own live clients until it is back: {Reason}")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again; the shared cache and live backplane are in use")]
    private static partial void LogUp(ILogger logger);
}
