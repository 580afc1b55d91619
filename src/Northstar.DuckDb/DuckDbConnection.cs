using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Northstar.DuckDb.Internal;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb;

/// <summary>
/// A connection to a DuckDB database. Connections naming the same file share one native database in the process
/// (opened by the first, closed after the last); <c>:memory:</c> (or an empty Data Source) is a private in-memory
/// database that lives while this connection is open; <c>:memory:name</c> is an in-memory database shared by name
/// while any connection to it is open. Connections from a <see cref="DuckDbDataSource"/> share its database.
/// Like every ADO.NET connection, an instance is not thread-safe; use one connection per thread.
/// </summary>
public sealed class DuckDbConnection : DbConnection
{
    private readonly DuckDbDataSource? _dataSource;
    private readonly List<DuckDbAppender> _appenders = [];
    private readonly List<StatementBatch> _prepared = [];
    private string _connectionString = "";
    private DatabaseReference? _database;
    private ConnectionHandle? _handle;
    private bool _disposed;

    /// <summary>Creates a closed connection; set <see cref="ConnectionString"/> before opening it.</summary>
    public DuckDbConnection()
    {
    }

    /// <summary>Creates a closed connection with a connection string (see <see cref="DuckDbConnectionStringBuilder"/>).</summary>
    public DuckDbConnection(string connectionString) => ConnectionString = connectionString;

    internal DuckDbConnection(DuckDbDataSource dataSource)
    {
        _dataSource = dataSource;
        _connectionString = dataSource.ConnectionString;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_handle is not null)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            if (_dataSource is not null)
            {
                throw new InvalidOperationException("A connection from a data source uses the data source's connection string.");
            }

            _connectionString = value ?? "";
        }
    }

    /// <summary>The name DuckDB gives the database: the file name without extension, or "memory".</summary>
    public override string Database
    {
        get
        {
            var builder = new DuckDbConnectionStringBuilder(_connectionString);
            return builder.IsInMemory ? "memory" : Path.GetFileNameWithoutExtension(builder.DataSource);
        }
    }

    /// <inheritdoc />
    public override string DataSource => new DuckDbConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>The version of the DuckDB library (<c>duckdb_library_version</c>), e.g. "v1.5.6".</summary>
    public override string ServerVersion => NativeMethods.LibraryVersion();

    /// <inheritdoc />
    public override ConnectionState State => _handle is null ? ConnectionState.Closed : ConnectionState.Open;

    /// <summary>The transaction in progress, if any.</summary>
    internal DuckDbTransaction? Transaction { get; set; }

    /// <summary>The reader reading a result of this connection, if any (DuckDB streams one result at a time).</summary>
    internal DuckDbDataReader? ActiveReader { get; set; }

    /// <inheritdoc />
    protected override DbProviderFactory DbProviderFactory => DuckDbFactory.Instance;

    /// <summary>The native connection; throws when the connection is not open or its data source is disposed.</summary>
    internal ConnectionHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_dataSource is { IsDisposed: true })
            {
                throw new ObjectDisposedException(nameof(DuckDbDataSource), "The data source of this connection has been disposed.");
            }

            return _handle ?? throw new InvalidOperationException("The connection is not open.");
        }
    }

    /// <inheritdoc />
    public override void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_handle is not null)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = _dataSource is not null
            ? _dataSource.AcquireDatabase()
            : DatabaseRegistry.Acquire(new DuckDbConnectionStringBuilder(_connectionString));
        try
        {
            if (NativeMethods.Connect(database.Handle, out var connection) != DuckDbState.Success)
            {
                throw new DuckDbException($"Could not connect to DuckDB database '{DataSource}'.", DuckDbErrorType.Connection);
            }

            _handle = new ConnectionHandle(connection, database.Handle);
            _database = database;
        }
        catch
        {
            DatabaseRegistry.Release(database);
            throw;
        }

        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    /// <summary>Closes the open reader, rolls back a pending transaction, closes appenders and disconnects.</summary>
    public override void Close()
    {
        if (_handle is null)
        {
            return;
        }

        ActiveReader?.CloseForConnection();
        ActiveReader = null;
        Transaction?.RollbackForClose();
        Transaction = null;
        foreach (var appender in _appenders.ToArray())
        {
            appender.CloseForConnection();
        }

        foreach (var batch in _prepared)
        {
            batch.Dispose();
        }

        _prepared.Clear();
        _handle.Dispose();
        _handle = null;
        DatabaseRegistry.Release(_database!);
        _database = null;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Begins a transaction (DuckDB transactions are snapshot isolated).</summary>
    public new DuckDbTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Unspecified);

    /// <summary>Begins a transaction; only <see cref="IsolationLevel.Snapshot"/> and <see cref="IsolationLevel.Unspecified"/> exist in DuckDB.</summary>
    public new DuckDbTransaction BeginTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot))
        {
            throw new NotSupportedException($"DuckDB transactions are snapshot isolated; isolation level {isolationLevel} is not supported.");
        }

        _ = Handle;
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already in progress; DuckDB does not support nested transactions.");
        }

        ExecuteInternal("BEGIN TRANSACTION");
        return Transaction = new DuckDbTransaction(this);
    }

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Creates an appender that bulk-loads rows into <paramref name="table"/> (of the default schema).</summary>
    public DuckDbAppender CreateAppender(string table) => CreateAppender(null, table);

    /// <summary>Creates an appender that bulk-loads rows into <paramref name="schema"/>.<paramref name="table"/>.</summary>
    public DuckDbAppender CreateAppender(string? schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        var appender = new DuckDbAppender(this, schema, table);
        _appenders.Add(appender);
        return appender;
    }

    /// <summary>Stops the query running on this connection (<c>duckdb_interrupt</c>); safe from any thread.</summary>
    public void Interrupt()
    {
        try
        {
            NativeMethods.Interrupt(Handle);
        }
        catch (ObjectDisposedException)
        {
            // Closed by its owner meanwhile: nothing runs any more.
        }
    }

    /// <summary>Not supported: a DuckDB connection stays on the database it opened (use ATTACH and USE in SQL).</summary>
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections cannot change database; use ATTACH and USE statements instead.");

    internal void RemoveAppender(DuckDbAppender appender) => _appenders.Remove(appender);

    internal void AddPrepared(StatementBatch batch) => _prepared.Add(batch);

    internal void RemovePrepared(StatementBatch batch) => _prepared.Remove(batch);

    /// <summary>Runs provider-issued SQL (transaction control) with no parameters.</summary>
    internal void ExecuteInternal(string sql)
    {
        using var command = new DuckDbCommand(sql, this);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => BeginTransaction(isolationLevel);

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            Close();
            _disposed = true;
        }

        base.Dispose(disposing);
    }
}
