using System.Data.Common;
using Northstar.Core.Compiling;
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
                return await connection.QueryRowsAsync(statement, null, _timeoutSeconds, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (IsTimeout(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw new QueryTimeoutException(_timeoutSeconds, exception);
            }
        }
    }

    /// <summary>
    /// Answers a compiled query: runs its rows, totals and comparison statements concurrently, each on its own read
    /// connection that has seen <paramref name="seen"/>, and assembles the answer.
    /// </summary>
    /// <exception cref="QueryTimeoutException">A statement ran longer than the timeout.</exception>
    public async Task<QueryAnswer> AnswerAsync(CompiledQuery query, WritePosition? seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Both engines take concurrent connections; our DuckDB provider executes synchronously, hence Task.Run.
        // A single-row answer's totals statement is its rows statement (the compiler hands the same object): run it once.
        var rows = Run(query.Rows);
        var totals = ReferenceEquals(query.Totals, query.Rows) ? rows : Run(query.Totals);
        var comparisonRows = query.Comparison is { } comparison ? Run(comparison.Rows) : null;
        var comparisonTotals = query.Comparison is { } compared
            ? ReferenceEquals(compared.Totals, compared.Rows) ? comparisonRows : Run(compared.Totals)
            : null;
        await Task.WhenAll(new[] { rows, totals, comparisonRows, comparisonTotals }.OfType<Task>()).ConfigureAwait(false);

        return AnswerAssembler.Assemble(
            query,
            await rows.ConfigureAwait(false),
            FirstRow(await totals.ConfigureAwait(false)),
            comparisonRows is null ? null : await comparisonRows.ConfigureAwait(false),
            comparisonTotals is null ? null : FirstRow(await comparisonTotals.ConfigureAwait(false)));

        Task<IReadOnlyList<object?[]>> Run(SqlStatement statement) =>
            Task.Run(() => RunAsync(statement, seen, cancellationToken), cancellationToken);
    }

    /// <summary>A statement of totals has one row (an aggregate without grouping); empty only if the engine says so.</summary>
    private static object?[] FirstRow(IReadOnlyList<object?[]> rows) => rows.Count > 0 ? rows[0] : [];

    /// <summary>
    /// A command timeout: our DuckDB provider and Npgsql both wrap a <see cref="TimeoutException"/>; a server-side
    /// statement_timeout on PostgreSQL is SQLSTATE 57014 (query_canceled) without a cancellation of ours.
    /// </summary>
    private static bool IsTimeout(DbException exception) =>
        exception.InnerException is TimeoutException || exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };
}
