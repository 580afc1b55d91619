using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Northstar.Core;
using Northstar.Warehouse.Migrations;
using Npgsql;

namespace Northstar.Warehouse.Postgres;

/// <summary>
/// The warehouse on a PostgreSQL primary with optional read replicas: writes, app metadata, bulk loads and
/// migrations on the primary; analytic reads on a healthy replica when there is one.
/// </summary>
internal sealed partial class PostgresWarehouse : IWarehouse
{
    // pg_advisory_lock key shared by every node migrating the same database ("nsmigrat" in ASCII).
    private const long MigrationLockKey = 0x6E736D6967726174;

    private readonly string _connectionString;
    private readonly NpgsqlDataSource _primary;
    private readonly ReplicaRouter _router;
    private readonly PostgresColumnTypes _columnTypes = new();
    private readonly MigrationRunner _migrations;
    private readonly ILogger _logger;

    public PostgresWarehouse(WarehouseOptions options, ILoggerFactory loggerFactory)
    {
        _connectionString = options.ConnectionString
            ?? throw new WarehouseConfigurationException($"{WarehouseOptions.SectionName}:ConnectionString is required when Engine is postgres.");
        _logger = loggerFactory.CreateLogger<PostgresWarehouse>();
        _primary = new NpgsqlDataSourceBuilder(_connectionString).UseLoggerFactory(loggerFactory).Build();
        var replicas = options.Replicas
            .Select(cs => new Replica(cs, new NpgsqlDataSourceBuilder(cs).UseLoggerFactory(loggerFactory).Build()))
            .ToList();
        _router = new ReplicaRouter(_primary, replicas, options.MaxReplicaLag, options.ReplicaCheckInterval, _logger);
        _migrations = new MigrationRunner(EngineKind.PostgreSql, _logger);
    }

    public EngineKind Engine => EngineKind.PostgreSql;

    public SqlDialect Dialect => SqlDialect.PostgreSql;

    public ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken = default) =>
        OpenReadConnectionAsync(null, cancellationToken);

    public async ValueTask<DbConnection> OpenReadConnectionAsync(WritePosition? seen, CancellationToken cancellationToken = default) =>
        await _router.TryOpenAsync(seen, cancellationToken).ConfigureAwait(false)
        ?? await _primary.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DataVersionSnapshot> ReadDataVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _primary.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The insert position, not pg_current_wal_lsn (the write position): with synchronous_commit off a committed
        // transaction's record may not be written yet, and only the insert position is surely past it.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(DataVersionsSql.Read), new NpgsqlBatchCommand("select pg_current_wal_insert_lsn()::text") },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = await DataVersionsSql.ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new DataVersionSnapshot(versions, WritePosition.Parse(reader.GetString(0)));
    }

    public async ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken = default) =>
        await _primary.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<IBulkLoader> BeginBulkLoadAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken = default)
    {
        var name = QualifiedTableName.Parse(table);
        var columnNames = BulkLoadColumns.Check(columns);
        return await PostgresBulkLoader.BeginAsync(_primary, _columnTypes, name, columnNames, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        // The session lock lives on a dedicated, unpooled connection: closing it releases the lock however the
        // run ends, and a second node blocks in pg_advisory_lock until then, then finds everything applied.
        var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await using (lockConnection.ConfigureAwait(false))
        {
            await lockConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await lockConnection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var report = await _migrations.RunAsync(lockConnection, cancellationToken).ConfigureAwait(false);
            if (report.Applied.Count > 0)
                _columnTypes.Clear();
            return report;
        }
    }

    public async Task<WarehouseStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        var health = await _router.CheckAllAsync(cancellationToken).ConfigureAwait(false);
        var replicas = _router.Replicas
            .Select((replica, i) => new ReplicaStatus(replica.Name, health[i].Reachable, health[i].Lag, health[i].InUse))
            .ToList();
        var shipped = _migrations.Shipped.Select(m => m.Version).ToList();

        try
        {
            var connection = await _primary.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteScalarAsync<int>(new CommandDefinition("select 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
                var pending = await _migrations.PendingAsync(connection, cancellationToken).ConfigureAwait(false);
                return new WarehouseStatus(Engine, true, pending.Count == 0, pending, replicas, null);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var error = $"The PostgreSQL primary {SafeError.ServerName(_connectionString)} cannot be reached: {SafeError.Describe(e)}";
            LogPrimaryUnreachable(_logger, error);
            return new WarehouseStatus(Engine, false, false, shipped, replicas, error);
        }
    }

    /// <summary>Re-checks every replica now; tests drive routing with this rather than by waiting.</summary>
    internal Task RefreshReplicasAsync(CancellationToken cancellationToken = default) => _router.CheckAllAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _router.DisposeAsync().ConfigureAwait(false);
        await _primary.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warehouse check failed: {Error}")]
    private static partial void LogPrimaryUnreachable(ILogger logger, string error);
}
