using System.Data.Common;
using Northstar.Core.Queries;
using Npgsql;

namespace Northstar.Warehouse.Queries;

/// <summary>
/// Runs compiled statements on the warehouse: on a read connection (a replica when one is healthy), values bound as
/// positional parameters (<c>$1</c> is <see cref="SqlStatement.Parameters"/>[0]), under a statement timeout and the
/// caller's cancellation. Thread-safe: each run has its own connection, so independent statements run concurrently.
/// </summary>
public sealed class QueryRunner
{
    private readonly IWarehouse _warehouse;
    private readonly int _timeoutSeconds;

    /// <summary>Creates a runner over <paramref name="warehouse"/>.</summary>
    /// <param name="warehouse">The warehouse to read from.</param>
    /// <param name="statementTimeout">How long one statement may run (whole seconds, at least one).</param>
    public QueryRunner(IWarehouse warehouse, TimeSpan statementTimeout)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentOutOfRangeException.ThrowIfLessThan(statementTimeout, TimeSpan.FromSeconds(1));
        _warehouse = warehouse;
        _timeoutSeconds = (int)Math.Min(statementTimeout.TotalSeconds, int.MaxValue);
    }

    /// <summary>The statement timeout, in seconds.</summary>
    public int TimeoutSeconds => _timeoutSeconds;

    /// <summary>Runs <paramref name="statement"/> on a read connection and returns its rows.</summary>
    /// <exception cref="QueryTimeoutException">The statement ran longer than the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<object?[]>> RunAsync(SqlStatement statement, CancellationToken cancellationToken = default) =>
        RunAsync(statement, null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="statement"/> on a read connection that has seen every write up to <paramref name="seen"/>
    /// (see <see cref="DataVersions"/>): a replica that has not replayed that far is passed over for the primary, so an
    /// answer is never older than the data versions it is cached under.
    /// </summary>
    /// <param name="statement">The statement and its parameter values.</param>
    /// <param name="seen">The write position the data read must include; null: any read connection.</param>
    /// <param name="cancellationToken">Stops the statement.</param>
    /// <exception cref="QueryTimeoutException">The statement ran longer than the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<object?[]>> RunAsync(SqlStatement statement, WritePosition? seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var connection = await _warehouse.OpenReadConnectionAsync(seen, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await ReadAsync(connection, statement, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (IsTimeout(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw new QueryTimeoutException(_timeoutSeconds, exception);
            }
        }
    }

    private async Task<IReadOnlyList<object?[]>> ReadAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            // The SQL comes from the compiler, whose identifiers come only from the model; every value is a parameter.
#pragma warning disable CA2100
            command.CommandText = statement.Sql;
#pragma warning restore CA2100
            command.CommandTimeout = _timeoutSeconds;
            foreach (var value in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

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

    /// <summary>
    /// A command timeout: our DuckDB provider and Npgsql both wrap a <see cref="TimeoutException"/>; a server-side
    /// statement_timeout on PostgreSQL is SQLSTATE 57014 (query_canceled) without a cancellation of ours.
    /// </summary>
    private static bool IsTimeout(DbException exception) =>
        exception.InnerException is TimeoutException || exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };
}
