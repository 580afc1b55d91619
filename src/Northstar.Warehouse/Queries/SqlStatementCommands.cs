using System.Data.Common;
using Northstar.Core.Queries;

namespace Northstar.Warehouse.Queries;

/// <summary>
/// Runs a compiled <see cref="SqlStatement"/> on a connection: its values bound as positional parameters (<c>$1</c> is
/// <see cref="SqlStatement.Parameters"/>[0]), which our DuckDB provider and Npgsql both bind by position when unnamed.
/// </summary>
public static class SqlStatementCommands
{
    /// <summary>Executes <paramref name="statement"/>; returns the rows it affected.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection connection, SqlStatement statement, DbTransaction? transaction,
                                               int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var command = Create(connection, statement, transaction, timeoutSeconds);
        await using (command.ConfigureAwait(false))
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="statement"/> and reads every row (database nulls as null).</summary>
    public static async Task<IReadOnlyList<object?[]>> QueryRowsAsync(this DbConnection connection, SqlStatement statement,
                                                                      DbTransaction? transaction, int? timeoutSeconds,
                                                                      CancellationToken cancellationToken)
    {
        var command = Create(connection, statement, transaction, timeoutSeconds);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<object?[]>();
                var width = reader.FieldCount;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object?[width];
                    for (var i = 0; i < width; i++)
                        row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(row);
                }

                return rows;
            }
        }
    }

    private static DbCommand Create(DbConnection connection, SqlStatement statement, DbTransaction? transaction, int? timeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (timeoutSeconds is { } timeout)
            command.CommandTimeout = timeout;
        // Compiled SQL: identifiers come only from the model, every value is a parameter.
#pragma warning disable CA2100
        command.CommandText = statement.Sql;
#pragma warning restore CA2100
        foreach (var value in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
