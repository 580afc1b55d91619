using System.Data.Common;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Warehouse.Queries;

namespace Northstar.Warehouse.Rollups;

/// <summary>
/// Creates and maintains the rollup tables of the model in the warehouse (schema <c>rollups</c>): at start-up, after the
/// migrations, and after a bulk load that bypassed the per-batch refresh. Each table's build is recorded in
/// <c>rollups.definitions</c> with the fingerprint of its definition, so a model change rebuilds exactly the rollups it
/// changed. Every build runs in its own transaction: a failed build leaves the previous table (or none), never half a
/// table. On PostgreSQL every transaction first takes an advisory lock, so two nodes starting together build each rollup
/// once: the second waits, then finds the first's fingerprint and skips it.
/// </summary>
public static class RollupStore
{
    // pg_advisory_xact_lock key shared by every node maintaining rollups of the same database ("nsrollup" in ASCII).
    private const long LockKey = 0x6E73726F6C6C7570;
    private const string Definitions = "\"rollups\".\"definitions\"";

    /// <summary>
    /// Makes the warehouse's rollup tables those of <paramref name="tables"/>: builds each one that is missing or whose
    /// fingerprint differs (drop, then create filled from every fact row), and drops the rollup tables no longer declared.
    /// </summary>
    /// <param name="warehouse">The warehouse (migrated).</param>
    /// <param name="tables">The model's rollup tables, rendered for the warehouse's dialect
    /// (<see cref="RollupTable.AllOf"/>).</param>
    /// <param name="cancellationToken">Stops the work; the rollup being built is left as it was.</param>
    /// <returns>The names of the rollups built and dropped.</returns>
    public static Task<RollupReport> EnsureAsync(IWarehouse warehouse, IReadOnlyList<RollupTable> tables,
                                                 CancellationToken cancellationToken = default) =>
        MaintainAsync(warehouse, tables, rebuildAll: false, cancellationToken);

    /// <summary>
    /// Drops every rollup table and forgets its definition: before a bulk load that builds them afterwards, so that a
    /// load stopped half-way leaves none (the next <see cref="EnsureAsync"/> builds them) rather than stale ones.
    /// </summary>
    /// <param name="warehouse">The warehouse (migrated).</param>
    /// <param name="cancellationToken">Stops the work between tables.</param>
    /// <returns>The names of the tables dropped.</returns>
    public static Task<RollupReport> DropAllAsync(IWarehouse warehouse, CancellationToken cancellationToken = default) =>
        MaintainAsync(warehouse, [], rebuildAll: false, cancellationToken);

    /// <summary>
    /// Rebuilds every rollup of <paramref name="tables"/> from the fact tables whatever its fingerprint, and drops the
    /// rollup tables no longer declared: after a load that wrote facts without refreshing the rollups batch by batch.
    /// </summary>
    /// <param name="warehouse">The warehouse (migrated).</param>
    /// <param name="tables">The model's rollup tables, rendered for the warehouse's dialect.</param>
    /// <param name="cancellationToken">Stops the work; the rollup being built is left as it was.</param>
    /// <returns>The names of the rollups built and dropped.</returns>
    public static Task<RollupReport> RebuildAsync(IWarehouse warehouse, IReadOnlyList<RollupTable> tables,
                                                  CancellationToken cancellationToken = default) =>
        MaintainAsync(warehouse, tables, rebuildAll: true, cancellationToken);

    private static async Task<RollupReport> MaintainAsync(IWarehouse warehouse, IReadOnlyList<RollupTable> tables, bool rebuildAll,
                                                          CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.FirstOrDefault(table => table.Dialect != warehouse.Dialect) is { } wrong)
        {
            throw new ArgumentException(
                $"The rollup '{wrong.Rollup.Name}' is rendered for {wrong.Dialect}, not {warehouse.Dialect}.", nameof(tables));
        }

        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var locked = warehouse.Engine == EngineKind.PostgreSql;
            await InTransactionAsync(connection, locked, async transaction =>
            {
                await ExecuteAsync(connection, transaction, new SqlStatement("create schema if not exists rollups", []), cancellationToken)
                    .ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, new SqlStatement($"""
                    create table if not exists {Definitions} (
                        name         text primary key,
                        fingerprint  text not null,
                        built_at     timestamptz not null default now()
                    )
                    """, []), cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);

            var built = new List<string>();
            foreach (var table in tables)
            {
                var rebuilt = await InTransactionAsync(connection, locked, async transaction =>
                {
                    var changed = await BuildIfChangedAsync(connection, transaction, table, rebuildAll, cancellationToken).ConfigureAwait(false);
                    if (warehouse.Engine == EngineKind.DuckDb)
                    {
                        await DuckDbDecimals.NarrowAsync(connection, transaction, table.Rollup.Name, cancellationToken).ConfigureAwait(false);
                    }

                    return changed;
                }, cancellationToken).ConfigureAwait(false);
                if (rebuilt)
                {
                    built.Add(table.Rollup.Name);
                }
            }

            var declared = tables.SelectMany(table => table.TableNames).ToHashSet(StringComparer.Ordinal);
            var dropped = new List<string>();
            foreach (var name in await ExistingAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                if (!declared.Contains(name))
                {
                    await InTransactionAsync(connection, locked, async transaction =>
                    {
                        await ExecuteAsync(connection, transaction, DropStatement(name), cancellationToken).ConfigureAwait(false);
                        await ExecuteAsync(connection, transaction, new SqlStatement($"delete from {Definitions} where name = $1", [name]),
                                           cancellationToken).ConfigureAwait(false);
                        return true;
                    }, cancellationToken).ConfigureAwait(false);
                    dropped.Add(name);
                }
            }

            return new RollupReport(built, dropped);
        }
    }

    private static async Task<bool> BuildIfChangedAsync(DbConnection connection, DbTransaction transaction, RollupTable table,
                                                        bool rebuild, CancellationToken cancellationToken)
    {
        var name = table.Rollup.Name;
        var recorded = await QueryAsync(connection, transaction,
            new SqlStatement($"select fingerprint from {Definitions} where name = $1", [name]), cancellationToken).ConfigureAwait(false);
        var existing = await QueryAsync(connection, transaction, TablesExisting(table.TableNames), cancellationToken).ConfigureAwait(false);
        if (!rebuild && existing.Count == table.TableNames.Count && recorded.Count == 1 && (string?)recorded[0][0] == table.Fingerprint)
        {
            return false;
        }

        foreach (var statement in (IEnumerable<SqlStatement>)[.. table.Drop(), table.Build(), .. table.Indexes(), .. table.Derived()])
            await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, new SqlStatement($"delete from {Definitions} where name = $1", [name]), cancellationToken)
            .ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            new SqlStatement($"insert into {Definitions} (name, fingerprint) values ($1, $2)", [name, table.Fingerprint]), cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    // The rollups the warehouse holds: recorded ones and any table of the schema (a build recorded nowhere).
    private static async Task<IReadOnlyList<string>> ExistingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, null, new SqlStatement($"""
            select name from {Definitions}
            union
            select table_name from information_schema.tables where table_schema = 'rollups' and table_name <> 'definitions'
            """, []), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(row => (string)row[0]!).Order(StringComparer.Ordinal)];
    }

    private static SqlStatement TablesExisting(IReadOnlyList<string> names) => new(
        "select table_name from information_schema.tables where table_schema = 'rollups' and table_name in (" +
        string.Join(", ", names.Select((_, index) => "$" + (index + 1))) + ")",
        [.. names]);

    // The name comes from the rollups schema itself (a table no longer declared), so it is quoted, never trusted.
    private static SqlStatement DropStatement(string name) =>
        new("drop table if exists \"rollups\".\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", []);

    private static async Task<T> InTransactionAsync<T>(DbConnection connection, bool locked, Func<DbTransaction, Task<T>> work,
                                                       CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (locked)
            {
                // Released at commit or rollback; a second node waits here, then sees the first's work.
                await ExecuteAsync(connection, transaction, new SqlStatement("select pg_advisory_xact_lock($1)", [LockKey]), cancellationToken)
                    .ConfigureAwait(false);
            }

            var result = await work(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement,
                                          CancellationToken cancellationToken) =>
        connection.ExecuteAsync(statement, transaction, null, cancellationToken);

    private static Task<IReadOnlyList<object?[]>> QueryAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement,
                                                             CancellationToken cancellationToken) =>
        connection.QueryRowsAsync(statement, transaction, null, cancellationToken);
}
