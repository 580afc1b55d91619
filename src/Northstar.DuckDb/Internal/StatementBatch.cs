using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// The statements of one command text (<c>duckdb_extract_statements</c>), each prepared when it is first run: a
/// statement may use a table that an earlier statement of the same text creates.
/// </summary>
internal sealed class StatementBatch : IDisposable
{
    private readonly ConnectionHandle _connection;
    private readonly ExtractedStatementsHandle _extracted;
    private readonly PreparedStatementHandle?[] _statements;

    private StatementBatch(ConnectionHandle connection, ExtractedStatementsHandle extracted, int count)
    {
        _connection = connection;
        _extracted = extracted;
        _statements = new PreparedStatementHandle?[count];
    }

    public int Count => _statements.Length;

    public ConnectionHandle Connection => _connection;

    public static StatementBatch Create(ConnectionHandle connection, string commandText)
    {
        if (string.IsNullOrWhiteSpace(commandText))
        {
            throw new InvalidOperationException("The command text is empty.");
        }

        var count = NativeMethods.ExtractStatements(connection, commandText, out var pointer);
        var extracted = new ExtractedStatementsHandle(pointer, connection);
        if (count == 0)
        {
            var error = NativeMethods.ExtractStatementsError(extracted);
            extracted.Dispose();
            throw error is null
                ? new InvalidOperationException("The command text holds no SQL statement.")
                : DuckDbErrors.FromMessage(error, "The command text could not be parsed.");
        }

        return new StatementBatch(connection, extracted, checked((int)count));
    }

    public PreparedStatementHandle Get(int index)
    {
        if (_statements[index] is { } prepared)
        {
            return prepared;
        }

        var state = NativeMethods.PrepareExtractedStatement(_connection, _extracted, (ulong)index, out var pointer);
        var statement = new PreparedStatementHandle(pointer, _connection);
        if (state != DuckDbState.Success)
        {
            var error = statement.IsInvalid ? null : NativeMethods.PrepareError(statement);
            statement.Dispose();
            throw DuckDbErrors.FromMessage(error, "The statement could not be prepared.");
        }

        return _statements[index] = statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement?.Dispose();
        }

        _extracted.Dispose();
    }
}
