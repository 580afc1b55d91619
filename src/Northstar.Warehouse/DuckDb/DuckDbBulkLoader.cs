using Dapper;
using Northstar.DuckDb;

namespace Northstar.Warehouse.DuckDb;

/// <summary>
/// A bulk load through DuckDB's appender, inside a transaction on its own connection: completing commits,
/// disposing without completing rolls back. The appender fills every column of a table in table order, so a
/// load that names exactly those columns appends to the target directly; any other column list is appended to
/// a temporary table of just those columns and moved into the target with one INSERT on completion.
/// </summary>
internal sealed class DuckDbBulkLoader : IBulkLoader
{
    private const string TableColumnsSql = """
        select column_name from information_schema.columns
        where table_schema = $schema and table_name = $table
        order by ordinal_position
        """;

    private readonly DuckDbConnection _connection;
    private readonly DuckDbTransaction _transaction;
    private readonly DuckDbAppender _appender;
    private readonly QualifiedTableName _table;
    private readonly string[] _columns;
    private readonly string? _stagingTable;
    private int _column = -1;
    private long _rows;
    private bool _completed;

    private DuckDbBulkLoader(
        DuckDbConnection connection, DuckDbTransaction transaction, DuckDbAppender appender, QualifiedTableName table, string[] columns, string? stagingTable)
    {
        _connection = connection;
        _transaction = transaction;
        _appender = appender;
        _table = table;
        _columns = columns;
        _stagingTable = stagingTable;
    }

    public static async Task<IBulkLoader> BeginAsync(DuckDbConnection connection, QualifiedTableName table, string[] columns, CancellationToken cancellationToken)
    {
        var tableColumns = (await connection.QueryAsync<string>(new CommandDefinition(
            TableColumnsSql, new { schema = table.Schema, table = table.Table }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (tableColumns.Count == 0)
            throw new ArgumentException($"Table {table} does not exist.", nameof(table));
        if (columns.FirstOrDefault(c => !tableColumns.Contains(c, StringComparer.Ordinal)) is { } missing)
            throw new ArgumentException($"Table {table} has no column {missing}.", nameof(columns));

        var transaction = connection.BeginTransaction();
        try
        {
            if (tableColumns.SequenceEqual(columns, StringComparer.Ordinal))
                return new DuckDbBulkLoader(connection, transaction, connection.CreateAppender(table.Schema, table.Table), table, columns, null);

            var staging = $"ns_load_{Guid.NewGuid():N}";
            var columnList = string.Join(", ", columns.Select(QualifiedTableName.QuoteIdentifier));
            await connection.ExecuteAsync(new CommandDefinition(
                $"create temporary table {staging} as select {columnList} from {table.Quoted} limit 0",
                transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new DuckDbBulkLoader(connection, transaction, connection.CreateAppender(null, staging), table, columns, staging);
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void StartRow()
    {
        EndRowIfStarted();
        _column = 0;
    }

    public void Write<T>(T value)
    {
        NextColumn();
        if (value is null)
            _appender.AppendNull();
        else
            _appender.Append(value);
    }

    public void WriteNull()
    {
        NextColumn();
        _appender.AppendNull();
    }

    public async ValueTask<long> CompleteAsync(CancellationToken cancellationToken = default)
    {
        EndRowIfStarted();
        _column = -1;
        _appender.Close();
        if (_stagingTable is not null)
        {
            var columnList = string.Join(", ", _columns.Select(QualifiedTableName.QuoteIdentifier));
            await _connection.ExecuteAsync(new CommandDefinition(
                $"insert into {_table.Quoted} ({columnList}) select {columnList} from {_stagingTable}; drop table {_stagingTable}",
                transaction: _transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        return _rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _appender.Dispose();
        }
        catch (DuckDbException) when (!_completed)
        {
            // An abandoned load may stop mid-row, which the appender refuses to flush; the rollback below discards it all anyway.
        }

        if (!_completed)
            await _transaction.RollbackAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void EndRowIfStarted()
    {
        if (_column < 0)
            return;
        if (_column != _columns.Length)
            throw new InvalidOperationException($"The row being loaded into {_table} has {_column} of its {_columns.Length} columns.");
        _appender.EndRow();
        _rows++;
    }

    private void NextColumn()
    {
        if (_column < 0)
            throw new InvalidOperationException("Call StartRow before writing the first column.");
        if (_column >= _columns.Length)
            throw new InvalidOperationException($"The load into {_table} has {_columns.Length} columns; call StartRow for the next row.");
        _column++;
    }
}
