using StackExchange.Redis;

namespace Northstar.Server.Queries;

/// <summary>
/// The shared answer cache on Redis (<c>Northstar:Redis</c>). Connects lazily and in the background (a server starts
/// and answers without Redis); while Redis is unreachable every read is a miss and every write is dropped, with one
/// warning per outage and a note when it is back.
/// </summary>
internal sealed partial class RedisAnswerStore : ISharedAnswerStore, IDisposable
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly ILogger<RedisAnswerStore> _logger;
    private int _down;

    public RedisAnswerStore(string configuration, ILogger<RedisAnswerStore> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = 1000;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    public async Task<byte[]?> GetAsync(string key)
    {
        try
        {
            var database = await DatabaseAsync();
            if (database is null)
                return null;
            var value = await database.StringGetAsync(key).WaitAsync(OperationTimeout);
            Up();
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Down(e.Message);
            return null;
        }
    }

    public async Task SetAsync(string key, byte[] value, TimeSpan lifetime)
    {
        try
        {
            var database = await DatabaseAsync();
            if (database is null)
                return;
            await database.StringSetAsync(key, value, lifetime).WaitAsync(OperationTimeout);
            Up();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Down(e.Message);
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
            _connection.Value.Result.Dispose();
    }

    /// <summary>
    /// The database when Redis is connected, else null (an outage). Only the first calls wait for the first connection,
    /// at most its connect timeout: afterwards the client reconnects in the background and no query waits for it.
    /// </summary>
    private async Task<IDatabase?> DatabaseAsync()
    {
        var connection = await _connection.Value.WaitAsync(ConnectTimeout * 2);
        if (connection.IsConnected)
            return connection.GetDatabase();
        Down("not connected");
        return null;
    }

    private void Down(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
            LogDown(_logger, reason);
    }

    private void Up()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
            LogUp(_logger);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable; answers come from the memory cache and the engine until it is back: {Reason}")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again; the shared answer cache is in use")]
    private static partial void LogUp(ILogger logger);
}
