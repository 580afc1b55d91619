using System.Data;
using System.Data.Common;

namespace Northstar.DuckDb;

/// <summary>
/// A DuckDB transaction (<c>BEGIN</c> / <c>COMMIT</c> / <c>ROLLBACK</c>). DuckDB isolates transactions by snapshot.
/// Every command of the connection runs inside it until it ends; disposing it without committing rolls back.
/// </summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    /// <summary>The connection, or null once the transaction has ended.</summary>
    public new DuckDbConnection? Connection => _connection;

    /// <summary>Always <see cref="IsolationLevel.Snapshot"/>.</summary>
    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => _connection;

    /// <inheritdoc />
    public override void Commit() => End("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => End("ROLLBACK");

    /// <summary>Rolls back when the connection closes with the transaction still open (the close must not fail).</summary>
    internal void RollbackForClose()
    {
        try
        {
            _connection?.ExecuteInternal("ROLLBACK");
        }
        catch (DuckDbException)
        {
            // DuckDB already aborted the transaction (after an error); disconnecting discards it anyway.
        }

        _connection = null;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { State: ConnectionState.Open } connection && connection.Transaction == this)
        {
            connection.Transaction = null;
            RollbackForClose();
        }

        _connection = null;
        base.Dispose(disposing);
    }

    private void End(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        connection.Transaction = null;
        _connection = null;
        connection.ExecuteInternal(sql);
    }
}
