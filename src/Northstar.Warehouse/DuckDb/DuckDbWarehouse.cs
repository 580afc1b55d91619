using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Northstar.Core;
using Northstar.DuckDb;
using Northstar.Warehouse.Migrations;

namespace Northstar.Warehouse.DuckDb;

/// <summary>
/// The warehouse in one embedded DuckDB file under the data folder. The database is opened once; reads and writes
/// are connections to that one instance. It is locked down for a server: no extensions loaded or installed, no
/// file access outside the data folder, and the configuration cannot be changed back by a query.
/// </summary>
internal sealed class DuckDbWarehouse : IWarehouse
{
    private readonly DuckDbDataSource _dataSource;
    private readonly MigrationRunner _migrations;
    private readonly SemaphoreSlim _migrating = new(1, 1);

    public DuckDbWarehouse(WarehouseOptions options, ILoggerFactory loggerFactory)
    {
        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);

        // Locked down for a server. The trailing separator stops /srv/data from also allowing /srv/data2; the provider
        // applies the list option, then turns external access off and locks the configuration, before first use.
        var allowed = Path.TrimEndingDirectorySeparator(dataDirectory) + Path.DirectorySeparatorChar;
        var connectionString = new DuckDbConnectionStringBuilder
        {
            DataSource = options.ResolveDuckDbPath(),
            ["autoinstall_known_extensions"] = "false",
            ["autoload_known_extensions"] = "false",
            ["allowed_directories"] = $"[{allowed}]",
            ["enable_external_access"] = "false",
            ["lock_configuration"] = "true",
        };
        if (options.Threads is { } threads)
            connectionString["threads"] = threads.ToString(CultureInfo.InvariantCulture);
        if (options.MemoryLimit is { } memoryLimit)
            connectionString["memory_limit"] = memoryLimit;

        _dataSource = DuckDbDataSource.Create(connectionString.ConnectionString);
        _migrations = new MigrationRunner(EngineKind.DuckDb, loggerFactory.CreateLogger<DuckDbWarehouse>());
    }

    public EngineKind Engine => EngineKind.DuckDb;

    public SqlDialect Dialect => SqlDialect.DuckDb;

    public async ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    // One engine, no replicas: every connection sees every committed write.
    public ValueTask<DbConnection> OpenReadConnectionAsync(WritePosition? seen, CancellationToken cancellationToken = default) =>
        OpenReadConnectionAsync(cancellationToken);

    public async Task<DataVersionSnapshot> ReadDataVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = DataVersionsSql.Read;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return new DataVersionSnapshot(await DataVersionsSql.ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false), null);
    }

    public async ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<IBulkLoader> BeginBulkLoadAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken = default)
    {
        var name = QualifiedTableName.Parse(table);
        var columnNames = BulkLoadColumns.Check(columns);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DuckDbBulkLoader.BeginAsync(connection, name, columnNames, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        // DuckDB allows one writing process per file, so an in-process lock is the whole story.
        await _migrating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var report = await _migrations.RunAsync(connection, cancellationToken).ConfigureAwait(false);
                // Schema changes go into the database file at once instead of waiting in the write-ahead log: DuckDB
                // 1.5 can fail to replay an ALTER TABLE on a table with a CHECK constraint after a crash, and would
                // then refuse to open the database at all. (The command type is explicit: Dapper takes one word for a
                // stored procedure.)
                if (report.Applied.Count > 0)
                    await connection.ExecuteAsync(new CommandDefinition(
                        "checkpoint", commandType: CommandType.Text, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return report;
            }
        }
        finally
        {
            _migrating.Release();
        }
    }

    public async Task<WarehouseStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteScalarAsync<int>(new CommandDefinition("select 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
                var pending = await _migrations.PendingAsync(connection, cancellationToken).ConfigureAwait(false);
                return new WarehouseStatus(Engine, true, pending.Count == 0, pending, [], null);
            }
        }
        catch (DuckDbException e)
        {
            return new WarehouseStatus(Engine, false, false, [.. _migrations.Shipped.Select(m => m.Version)], [], $"The DuckDB database cannot be queried: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migrating.Dispose();
    }
}
