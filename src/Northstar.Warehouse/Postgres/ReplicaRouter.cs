using Microsoft.Extensions.Logging;
using Npgsql;

namespace Northstar.Warehouse.Postgres;

/// <summary>
/// Routes analytic reads round-robin among the replicas that are healthy and within the lag bound. Health is
/// cached per replica and re-checked at most every check interval by the read that finds it due; a replica that
/// refuses a connection is marked down on the spot and the read moves on. Thread-safe.
/// </summary>
internal sealed partial class ReplicaRouter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _primary;
    private readonly Replica[] _replicas;
    private readonly TimeSpan _maxLag;
    private readonly TimeSpan _checkInterval;
    private readonly ILogger _logger;
    private int _next = -1;

    public ReplicaRouter(NpgsqlDataSource primary, IReadOnlyList<Replica> replicas, TimeSpan maxLag, TimeSpan checkInterval, ILogger logger)
    {
        _primary = primary;
        _replicas = [.. replicas];
        _maxLag = maxLag;
        _checkInterval = checkInterval;
        _logger = logger;
    }

    /// <summary>The replicas in configuration order.</summary>
    public IReadOnlyList<Replica> Replicas => _replicas;

    /// <summary>
    /// Opens a connection to a healthy replica that has replayed at least to <paramref name="seen"/> (when given), or
    /// returns null when none is (the caller then uses the primary). A replica behind that position is not marked
    /// down: it is only not the one for this read.
    /// </summary>
    public async ValueTask<NpgsqlConnection?> TryOpenAsync(WritePosition? seen, CancellationToken cancellationToken)
    {
        if (_replicas.Length == 0)
            return null;

        foreach (var replica in _replicas)
        {
            if (replica.IsDue(_checkInterval))
                await CheckAsync(replica, waitForRunningCheck: false, cancellationToken).ConfigureAwait(false);
        }

        var start = Interlocked.Increment(ref _next) & int.MaxValue;
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = _replicas[(start + i) % _replicas.Length];
            if (!replica.Health.InUse)
                continue;
            try
            {
                if (await replica.OpenAsync(seen, cancellationToken).ConfigureAwait(false) is { } connection)
                    return connection;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                var error = SafeError.Describe(e);
                replica.MarkDown(error);
                LogReplicaDown(_logger, replica.Name, error);
            }
        }

        return null;
    }

    /// <summary>Checks every replica now, waiting for checks already running, and returns their health in configuration order.</summary>
    public async Task<IReadOnlyList<ReplicaHealth>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var results = new ReplicaHealth[_replicas.Length];
        for (var i = 0; i < _replicas.Length; i++)
            results[i] = await CheckAsync(_replicas[i], waitForRunningCheck: true, cancellationToken).ConfigureAwait(false);
        return results;
    }

    private async Task<ReplicaHealth> CheckAsync(Replica replica, bool waitForRunningCheck, CancellationToken cancellationToken)
    {
        var before = replica.Health;
        var after = await replica.CheckAsync(_primary, _maxLag, waitForRunningCheck, cancellationToken).ConfigureAwait(false);
        if (before.InUse && !after.InUse)
            LogReplicaOut(_logger, replica.Name, after.Error ?? "unknown");
        else if (!before.InUse && after.InUse)
            LogReplicaIn(_logger, replica.Name, after.Lag ?? TimeSpan.Zero);
        return after;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
            await replica.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read replica {Replica} refused a connection and is marked down; reads go elsewhere: {Error}")]
    private static partial void LogReplicaDown(ILogger logger, string replica, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read replica {Replica} no longer serves reads: {Reason}")]
    private static partial void LogReplicaOut(ILogger logger, string replica, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read replica {Replica} serves reads (lag {Lag})")]
    private static partial void LogReplicaIn(ILogger logger, string replica, TimeSpan lag);
}
