using System.Diagnostics;
using Npgsql;

namespace Northstar.Warehouse.Postgres;

/// <summary>
/// One read replica: its connection pool, and its health as of the last check. Thread-safe: the health is one
/// immutable record swapped atomically, and at most one check runs at a time.
/// </summary>
internal sealed class Replica : IAsyncDisposable
{
    private const int CheckTimeoutSeconds = 3;

    private const string PrimaryPositionSql = "select pg_current_wal_lsn()::text";

    // Caught up when replay has reached the primary's position read just before; otherwise the lag is the age of
    // the last replayed transaction, which is what a reader of this replica is missing at most.
    private const string ReplicaPositionSql = """
        select pg_is_in_recovery(),
               coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false),
               extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
        """;

    // The ping of every read; "0/0" (no position asked for) is reached by any replica that has replayed anything.
    private const string ReplayedSql = "select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)";

    private readonly NpgsqlDataSource _pool;
    private readonly NpgsqlDataSource _checks;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private ReplicaHealth _health = ReplicaHealth.Unchecked;

    public Replica(string connectionString, NpgsqlDataSource pool)
    {
        Name = SafeError.ServerName(connectionString);
        _pool = pool;
        // Checks use fresh physical connections, so a pooled connection the server already dropped cannot pass
        // for a reachable replica; and short timeouts, since a read waits for the check that falls due on it.
        var checks = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        checks.Timeout = BoundedTimeout(checks.Timeout);
        checks.CommandTimeout = BoundedTimeout(checks.CommandTimeout);
        _checks = NpgsqlDataSource.Create(checks);
    }

    /// <summary>Host, port and database: safe to show.</summary>
    public string Name { get; }

    /// <summary>The health as of the last check.</summary>
    public ReplicaHealth Health => Volatile.Read(ref _health);

    /// <summary>Whether the last check is older than <paramref name="interval"/> (or there was none).</summary>
    public bool IsDue(TimeSpan interval) =>
        Health.CheckedAt is not { } checkedAt || Stopwatch.GetElapsedTime(checkedAt) >= interval;

    /// <summary>
    /// Opens a pooled connection to the replica and proves it alive with one round trip, which also tells whether it
    /// has replayed up to <paramref name="seen"/>; returns null when it has not, throws when it cannot connect.
    /// Npgsql hands out idle pooled connections unchecked, so without the round trip a replica that stopped since its
    /// last health check would fail the caller's first query instead of sending the read to the primary.
    /// </summary>
    public async ValueTask<NpgsqlConnection?> OpenAsync(WritePosition? seen, CancellationToken cancellationToken)
    {
        var connection = await _pool.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var ping = new NpgsqlCommand(ReplayedSql, connection);
            ping.Parameters.Add(new NpgsqlParameter { Value = seen?.ToString() ?? "0/0", DataTypeName = "text" });
            if (await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                return connection;
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Marks the replica down until the next check, and drops its pooled connections, which are likely dead too.</summary>
    public void MarkDown(string error)
    {
        Volatile.Write(ref _health, new ReplicaHealth(Stopwatch.GetTimestamp(), false, null, false, error));
        _pool.Clear();
    }

    /// <summary>
    /// Checks the replica unless another caller is already checking it (then the current state stands), and
    /// returns the health.
    /// </summary>
    public async Task<ReplicaHealth> CheckAsync(NpgsqlDataSource primary, TimeSpan maxLag, bool waitForRunningCheck, CancellationToken cancellationToken)
    {
        if (waitForRunningCheck)
            await _checking.WaitAsync(cancellationToken).ConfigureAwait(false);
        else if (!_checking.Wait(0, CancellationToken.None))
            return Health;

        try
        {
            var health = await MeasureAsync(primary, maxLag, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _health, health);
            if (!health.Reachable)
                _pool.Clear();
            return health;
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task<ReplicaHealth> MeasureAsync(NpgsqlDataSource primary, TimeSpan maxLag, CancellationToken cancellationToken)
    {
        var primaryPosition = await ReadPrimaryPositionAsync(primary, cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _checks.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var command = new NpgsqlCommand(ReplicaPositionSql, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)primaryPosition ?? DBNull.Value, DataTypeName = "text" });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var inRecovery = reader.GetBoolean(0);
                var caughtUp = reader.GetBoolean(1);
                double? replaySeconds = reader.IsDBNull(2) ? null : reader.GetDouble(2);
                var now = Stopwatch.GetTimestamp();

                if (!inRecovery)
                    return new ReplicaHealth(now, true, null, false, "the server is not in recovery: it is not a replica");
                TimeSpan? lag = caughtUp ? TimeSpan.Zero
                    : replaySeconds is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds))
                    : null;
                if (lag is not { } known)
                    return new ReplicaHealth(now, true, null, false, "its lag is unknown: it has replayed no transaction yet");
                return known <= maxLag
                    ? new ReplicaHealth(now, true, known, true, null)
                    : new ReplicaHealth(now, true, known, false, $"it lags {known.TotalSeconds:0.###} s behind the primary (the bound is {maxLag.TotalSeconds:0.###} s)");
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new ReplicaHealth(Stopwatch.GetTimestamp(), false, null, false, SafeError.Describe(e));
        }
    }

    // Without the primary's position the lag falls back to the age of the last replayed transaction.
    private static async Task<string?> ReadPrimaryPositionAsync(NpgsqlDataSource primary, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = primary.CreateCommand(PrimaryPositionSql);
            return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return null;
        }
    }

    // Npgsql reads zero as "wait forever".
    private static int BoundedTimeout(int seconds) => seconds is > 0 and < CheckTimeoutSeconds ? seconds : CheckTimeoutSeconds;

    public async ValueTask DisposeAsync()
    {
        await _checks.DisposeAsync().ConfigureAwait(false);
        await _pool.DisposeAsync().ConfigureAwait(false);
        _checking.Dispose();
    }
}
