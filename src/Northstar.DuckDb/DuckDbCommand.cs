using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Northstar.DuckDb.Internal;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb;

/// <summary>
/// A SQL command. The text may hold several statements separated by <c>;</c>: they run in order, each prepared
/// (after the previous one has run) and bound to <see cref="Parameters"/> (<c>$name</c>, <c>$1</c> or <c>?</c>).
/// <see cref="ExecuteReader()"/> gives one result set per statement that returns rows, in order, through
/// <see cref="DbDataReader.NextResult"/>; statements that change rows add to <see cref="DbDataReader.RecordsAffected"/>.
/// The Async methods run synchronously on the calling thread (DuckDB is in-process: there is no I/O to wait for)
/// and stop the query through <c>duckdb_interrupt</c> when their token is cancelled.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private string _commandText = "";
    private DuckDbConnection? _connection;
    private StatementBatch? _prepared;
    private CommandExecution? _execution;
    private int _commandTimeout;

    /// <summary>Creates a command without text or connection.</summary>
    public DuckDbCommand()
    {
    }

    /// <summary>Creates a command with its text and, optionally, its connection.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            _commandText = value ?? "";
            Unprepare();
        }
    }

    /// <summary>
    /// Seconds after which the command is interrupted and fails with a <see cref="DuckDbException"/> wrapping a
    /// <see cref="TimeoutException"/>; 0 (the default) waits as long as the query runs: analytic queries and bulk
    /// loads on an embedded engine may legitimately run for minutes.
    /// </summary>
    public override int CommandTimeout
    {
        get => _commandTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _commandTimeout = value;
        }
    }

    /// <summary>Only <see cref="CommandType.Text"/> exists in DuckDB.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB supports CommandType.Text only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The connection the command runs on.</summary>
    public new DuckDbConnection? Connection
    {
        get => _connection;
        set
        {
            if (!ReferenceEquals(_connection, value))
            {
                Unprepare();
                _connection = value;
            }
        }
    }

    /// <summary>The parameters bound to every statement of the text.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <summary>
    /// The transaction; informational only: commands run inside the connection's transaction whether or not it is set
    /// (DuckDB has one transaction per connection).
    /// </summary>
    public new DuckDbTransaction? Transaction { get; set; }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = (DuckDbConnection?)value;
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (DuckDbTransaction?)value;
    }

    /// <summary>Runs the command and streams its results.</summary>
    public new DuckDbDataReader ExecuteReader() => ExecuteReaderCore(CommandBehavior.Default, CancellationToken.None);

    /// <summary>Runs the command and streams its results.</summary>
    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => ExecuteReaderCore(behavior, CancellationToken.None);

    /// <summary>Runs the command and streams its results; the token interrupts the query (also while reading).</summary>
    public new Task<DuckDbDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default) =>
        ExecuteReaderAsync(CommandBehavior.Default, cancellationToken);

    /// <summary>Runs the command and streams its results; the token interrupts the query (also while reading).</summary>
    public new Task<DuckDbDataReader> ExecuteReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(ExecuteReaderCore(behavior, cancellationToken));
        }
        catch (Exception exception)
        {
            return Task.FromException<DuckDbDataReader>(exception);
        }
    }

    /// <summary>Runs every statement; returns the number of rows they changed, or -1 when none changes rows.</summary>
    public override int ExecuteNonQuery() => ExecuteNonQueryCore(CancellationToken.None);

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(ExecuteNonQueryCore(cancellationToken));
        }
        catch (Exception exception)
        {
            return Task.FromException<int>(exception);
        }
    }

    /// <summary>The first column of the first row of the first result; null when there is no row, DBNull when it is NULL.</summary>
    public override object? ExecuteScalar() => ExecuteScalarCore(CancellationToken.None);

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(ExecuteScalarCore(cancellationToken));
        }
        catch (Exception exception)
        {
            return Task.FromException<object?>(exception);
        }
    }

    /// <summary>
    /// Prepares every statement of the text once; later executions only bind and run. A statement that uses a table an
    /// earlier statement of the same text creates cannot be prepared before that one has run: run such a text unprepared.
    /// </summary>
    public override void Prepare()
    {
        var connection = RequireConnection();
        Unprepare();
        var batch = StatementBatch.Create(connection.Handle, _commandText);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                batch.Get(i);
            }
        }
        catch
        {
            batch.Dispose();
            throw;
        }

        connection.AddPrepared(batch);
        _prepared = batch;
    }

    /// <summary>Interrupts the command if it is running (or its reader is reading); it then fails with a <see cref="DuckDbException"/>.</summary>
    public override void Cancel() => Volatile.Read(ref _execution)?.Cancel();

    internal void ExecutionEnded(CommandExecution execution) => Interlocked.CompareExchange(ref _execution, null, execution);

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReaderCore(behavior, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Unprepare();
        }

        base.Dispose(disposing);
    }

    private DuckDbDataReader ExecuteReaderCore(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var (connection, batch, ownsBatch) = Start();
        CommandExecution? execution = null;
        try
        {
            execution = new CommandExecution(batch.Connection, _commandTimeout, cancellationToken);
            Volatile.Write(ref _execution, execution);
            var reader = new DuckDbDataReader(this, connection, batch, ownsBatch, execution, behavior);
            connection.ActiveReader = reader;
            return reader;
        }
        catch
        {
            if (execution is not null)
            {
                ExecutionEnded(execution);
                execution.Dispose();
            }

            if (ownsBatch)
            {
                batch.Dispose();
            }

            throw;
        }
    }

    private int ExecuteNonQueryCore(CancellationToken cancellationToken)
    {
        var (_, batch, ownsBatch) = Start();
        try
        {
            using var execution = new CommandExecution(batch.Connection, _commandTimeout, cancellationToken);
            Volatile.Write(ref _execution, execution);
            try
            {
                var changed = -1L;
                for (var i = 0; i < batch.Count; i++)
                {
                    var statement = batch.Get(i);
                    ParameterBinder.Bind(statement, Parameters);
                    using var result = execution.Execute(statement);
                    if (ResultRows.IsChangedRows(result))
                    {
                        changed = Math.Max(changed, 0) + ResultRows.ReadChangedRows(result, execution);
                    }
                }

                return (int)Math.Min(changed, int.MaxValue);
            }
            finally
            {
                ExecutionEnded(execution);
            }
        }
        finally
        {
            if (ownsBatch)
            {
                batch.Dispose();
            }
        }
    }

    private object? ExecuteScalarCore(CancellationToken cancellationToken)
    {
        using var reader = ExecuteReaderCore(CommandBehavior.Default, cancellationToken);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    private (DuckDbConnection Connection, StatementBatch Batch, bool OwnsBatch) Start()
    {
        var connection = RequireConnection();
        var handle = connection.Handle;
        if (connection.ActiveReader is not null)
        {
            throw new InvalidOperationException(
                "A data reader is already open on this connection: dispose it before running another command.");
        }

        if (_prepared is not null && ReferenceEquals(_prepared.Connection, handle))
        {
            return (connection, _prepared, false);
        }

        return (connection, StatementBatch.Create(handle, _commandText), true);
    }

    private DuckDbConnection RequireConnection() =>
        _connection ?? throw new InvalidOperationException("The command has no connection.");

    private void Unprepare()
    {
        if (_prepared is not null)
        {
            _connection?.RemovePrepared(_prepared);
            _prepared.Dispose();
            _prepared = null;
        }
    }
}
