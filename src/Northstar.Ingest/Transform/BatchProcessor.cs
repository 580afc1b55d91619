using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Ingest.Pipeline;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Ingest.Transform;

/// <summary>
/// Moves one batch of pending bronze events (the oldest <see cref="BatchSize"/>) to silver and gold in one
/// transaction. When the batch fails on a payload that got into bronze without passing validation, those events
/// are rejected to the data-quality table and the batch is retried without them.
/// </summary>
internal sealed class BatchProcessor(IWarehouse warehouse, RollupMaintenance? rollups)
{
    public const int BatchSize = 200_000;

    // A batch of 200,000 orders runs for seconds, not the 30 s default a provider may apply.
    private const int CommandTimeoutSeconds = 3600;

    private static readonly DateOnly AllDatesFrom = DateOnly.MinValue;
    private static readonly DateOnly AllDatesTo = DateOnly.MaxValue;

    // The dimension entities: the subjects whose facts name their members, and the gold table and key of the members.
    // A branch has no table here: a new branch re-derives the gold rows of the employees and customers that named it
    // before it arrived, so any branch event changes its subjects on every date.
    private static readonly DimensionEntity[] DimensionEntities =
    [
        new("locations", ["sales", "pipeline", "production", "service", "telemarketing", "canvass", "marketing"], null),
        new("employees", ["sales", "pipeline", "production", "service", "telemarketing", "canvass"], ("gold.dim_employee", "employee_id")),
        new("customers", ["sales", "pipeline", "production", "service", "telemarketing"], ("gold.dim_customer", "customer_id")),
        new("products", ["sales"], ("gold.dim_product", "product_id")),
        new("campaigns", ["pipeline", "marketing"], ("gold.dim_campaign", "campaign_id")),
    ];

    private readonly BatchStatements _statements = new(warehouse.Dialect);
    private readonly QualityLog _quality = new(warehouse);

    /// <summary>Processes the next batch; null when nothing is pending.</summary>
    public async Task<BatchResult?> RunNextAsync(CancellationToken ct)
    {
        var rejectedInvalid = 0;
        while (true)
        {
            await using var connection = await warehouse.OpenWriteConnectionAsync(ct).ConfigureAwait(false);
            var (outcome, failure) = await TryBatchAsync(connection, ct).ConfigureAwait(false);
            if (failure is null)
                return outcome is null ? null : outcome with { Rejected = outcome.Rejected + rejectedInvalid };

            var rejected = await _quality.RejectInvalidAsync(failure.Value.Hi, ct).ConfigureAwait(false);
            rejectedInvalid += rejected;
            if (rejected == 0)
                throw new InvalidOperationException(
                    $"Processing bronze events up to {failure.Value.Hi} failed: {failure.Value.Error.Message}", failure.Value.Error);
        }
    }

    // PostgreSQL: a session lock makes nodes take turns, and the batch reads one snapshot (repeatable read), so an
    // event committed while the batch runs is neither half-applied nor marked processed unseen. DuckDB transactions
    // are snapshots already, and one process holds the file.
    private async Task<(BatchResult? Outcome, (long Hi, DbException Error)? Failure)> TryBatchAsync(DbConnection connection, CancellationToken ct)
    {
        var onPostgres = warehouse.Engine == EngineKind.PostgreSql;
        if (onPostgres)
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(7311001)", cancellationToken: ct)).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(
                onPostgres ? IsolationLevel.RepeatableRead : IsolationLevel.Unspecified, ct).ConfigureAwait(false);
            var run = new Run(connection, transaction, ct);
            var (lo, hi) = await run.QuerySingleAsync<(long?, long?)>(
                BatchStatements.BoundsOfBatch.Replace("{size}", BatchSize.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                .ConfigureAwait(false);
            if (lo is not { } first || hi is not { } last)
                return (null, null);

            (run.Lo, run.Hi) = (first, last);
            try
            {
                var result = await ApplyAsync(run).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return (result, null);
            }
            catch (DbException error)
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return (null, (last, error));
            }
        }
        finally
        {
            if (onPostgres)
                await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(7311001)", cancellationToken: CancellationToken.None))
                    .ConfigureAwait(false);
        }
    }

    private async Task<BatchResult> ApplyAsync(Run run)
    {
        var rejected = await run.ExecuteAsync(BatchStatements.RecordUnknownEntities).ConfigureAwait(false);
        await run.ExecuteAsync(BatchStatements.FailUnknownEntities).ConfigureAwait(false);

        var processed = new Dictionary<EntityKind, long>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, count) in await run.QueryAsync<(string, long)>(BatchStatements.CountPending).ConfigureAwait(false))
        {
            pending.Add(name);
            if (EntityNames.TryParse(name, out var kind))
                processed[kind] = count;
        }

        var silver = _statements.Silver.Where(statement => pending.Contains(statement.Entity)).Select(statement => statement.Sql);
        foreach (var statement in BatchStatements.StartTouched.Concat(silver))
            await run.ExecuteAsync(statement).ConfigureAwait(false);

        // Members that existed may have changed what the subjects' questions group by: those subjects change on every
        // date. New members change no answer by themselves: facts that named them before they arrived are re-derived
        // below and report their own dates (a new customer's first order refreshes its day, not the whole year).
        var change = new ChangeCollector();
        foreach (var dimension in DimensionEntities.Where(dimension => pending.Contains(dimension.Name)))
        {
            if (dimension.Members is not { } members
                || await run.QuerySingleAsync<long>(BatchStatements.ExistingMembers(members.Table, members.Key, dimension.Name)).ConfigureAwait(false) > 0)
                change.Add(dimension.Subjects, AllDatesFrom, AllDatesTo);
        }

        // The entities with touched records: those of the batch's events, and those the touch statements add.
        var touched = new HashSet<string>(pending, StringComparer.Ordinal);
        foreach (var statement in _statements.Dimensions)
            await RunGatedAsync(run, statement, touched).ConfigureAwait(false);
        if (touched.Contains("customers"))
        {
            foreach (var statement in _statements.Customers)
                await run.ExecuteAsync(statement).ConfigureAwait(false);
        }

        foreach (var statement in _statements.Touches)
            await RunGatedAsync(run, statement, touched).ConfigureAwait(false);

        // A fact without touched records of its entity has no rows to delete or re-derive.
        foreach (var fact in _statements.Facts.Where(fact => touched.Contains(fact.Entity)))
        {
            await CollectRangeAsync(run, fact, change).ConfigureAwait(false);
            await run.ExecuteAsync(BatchStatements.DeleteTouched(fact)).ConfigureAwait(false);
            await run.ExecuteAsync(fact.Insert).ConfigureAwait(false);
            if (fact.After is not null)
                await run.ExecuteAsync(fact.After).ConfigureAwait(false);
            await CollectRangeAsync(run, fact, change).ConfigureAwait(false);
        }

        var dataChange = change.ToChange();
        // In the batch's transaction, before the version bump: no answer cached under the new versions can come from
        // a rollup without this batch's data.
        if (rollups is not null && dataChange is not null)
        {
            foreach (var statement in rollups.RefreshStatements(dataChange.Subjects, dataChange.From, dataChange.To))
                await run.ExecuteAsync(statement).ConfigureAwait(false);
        }

        await run.ExecuteAsync(BatchStatements.MarkProcessed).ConfigureAwait(false);
        await run.ExecuteAsync(BatchStatements.DropTouched).ConfigureAwait(false);
        foreach (var subject in dataChange?.Subjects ?? [])
            await run.ExecuteAsync(BatchStatements.BumpVersion.Replace("{subject}", subject, StringComparison.Ordinal)).ConfigureAwait(false);
        return new BatchResult(processed, rejected, dataChange);
    }

    private static async Task RunGatedAsync(Run run, GatedStatement statement, HashSet<string> touched)
    {
        if (!statement.Applies(touched))
            return;
        var rows = await run.ExecuteAsync(statement.Text).ConfigureAwait(false);
        if (statement.AddsTouched && rows > 0)
            touched.UnionWith(await run.QueryAsync<string>(BatchStatements.TouchedEntities).ConfigureAwait(false));
    }

    private static async Task CollectRangeAsync(Run run, Fact fact, ChangeCollector change)
    {
        var (from, to) = await run.QuerySingleAsync<(int?, int?)>(BatchStatements.DateRange(fact)).ConfigureAwait(false);
        if (from is { } first && to is { } last)
            change.Add(fact.Subjects, FromKey(first), FromKey(last));
    }

    private static DateOnly FromKey(int dateKey) => new(dateKey / 10000, dateKey / 100 % 100, dateKey % 100);

    /// <summary>
    /// The batch's connection, transaction and first and last event ids, which every statement's <c>{lo}</c> and
    /// <c>{hi}</c> become.
    /// </summary>
    private sealed class Run(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        public long Lo { get; set; }

        public long Hi { get; set; }

        public Task<int> ExecuteAsync(string sql) => connection.ExecuteAsync(Command(sql));

        /// <summary>Runs a compiled statement (positional parameters, no placeholders) in the batch's transaction.</summary>
        public Task<int> ExecuteAsync(SqlStatement statement) => connection.ExecuteAsync(statement, transaction, CommandTimeoutSeconds, ct);

        public Task<IEnumerable<T>> QueryAsync<T>(string sql) => connection.QueryAsync<T>(Command(sql));

        public Task<T> QuerySingleAsync<T>(string sql) => connection.QuerySingleAsync<T>(Command(sql));

        private CommandDefinition Command(string sql) => new(
            sql.Replace("{lo}", Lo.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{hi}", Hi.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            transaction: transaction, commandTimeout: CommandTimeoutSeconds, cancellationToken: ct);
    }
}

/// <summary>A dimension entity: its name, the subjects whose facts name its members, and its members' gold table and key
/// (null: every event of it changes those subjects on every date).</summary>
internal sealed record DimensionEntity(string Name, string[] Subjects, (string Table, string Key)? Members);

/// <summary>What one batch did.</summary>
internal sealed record BatchResult(IReadOnlyDictionary<EntityKind, long> Processed, long Rejected, DataChange? Change);
