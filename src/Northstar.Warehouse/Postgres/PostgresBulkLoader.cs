using System.Runtime.CompilerServices;
using Npgsql;

namespace Northstar.Warehouse.Postgres;

/// <summary>A bulk load through binary COPY on its own primary connection; disposing before completing cancels the COPY.</summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlBinaryImporter _importer;
    private readonly PostgresColumnType[] _columns;
    private readonly QualifiedTableName _table;
    private int _column = -1;

    private PostgresBulkLoader(NpgsqlConnection connection, NpgsqlBinaryImporter importer, PostgresColumnType[] columns, QualifiedTableName table)
    {
        _connection = connection;
        _importer = importer;
        _columns = columns;
        _table = table;
    }

    public static async Task<IBulkLoader> BeginAsync(
        NpgsqlDataSource primary, PostgresColumnTypes types, QualifiedTableName table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var connection = await primary.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var columnTypes = await types.GetAsync(connection, table, columns, cancellationToken).ConfigureAwait(false);
            var columnList = string.Join(", ", columns.Select(QualifiedTableName.QuoteIdentifier));
            var importer = await connection.BeginBinaryImportAsync(
                $"copy {table.Quoted} ({columnList}) from stdin (format binary)", cancellationToken).ConfigureAwait(false);
            return new PostgresBulkLoader(connection, importer, columnTypes, table);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void StartRow()
    {
        if (_column >= 0 && _column != _columns.Length)
            throw RowIncomplete();
        _importer.StartRow();
        _column = 0;
    }

    public void Write<T>(T value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var column = NextColumn();
        // PostgreSQL stores instants in UTC and Npgsql refuses other offsets; convert rather than fail.
        if (typeof(T) == typeof(DateTimeOffset))
        {
            var utc = Unsafe.As<T, DateTimeOffset>(ref value).ToUniversalTime();
            Write(column, utc);
            return;
        }

        Write(column, value);
    }

    public void WriteNull()
    {
        NextColumn();
        _importer.WriteNull();
    }

    public async ValueTask<long> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_column >= 0 && _column != _columns.Length)
            throw RowIncomplete();
        return checked((long)await _importer.CompleteAsync(cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _importer.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Write<TValue>(PostgresColumnType column, TValue value)
    {
        if (column.DbType is { } dbType)
            _importer.Write(value, dbType);
        else
            _importer.Write(value, column.DataTypeName);
    }

    private PostgresColumnType NextColumn()
    {
        if (_column < 0)
            throw new InvalidOperationException("Call StartRow before writing the first column.");
        if (_column >= _columns.Length)
            throw new InvalidOperationException($"The load into {_table} has {_columns.Length} columns; call StartRow for the next row.");
        return _columns[_column++];
    }

    private InvalidOperationException RowIncomplete() =>
        new($"The row being loaded into {_table} has {_column} of its {_columns.Length} columns.");
}
