using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Northstar.Warehouse.Migrations;

/// <summary>
/// Applies the pending migrations over one connection, each in its own transaction together with its record in
/// <c>app.schema_migrations</c>. The caller holds the engine's lock around the run.
/// </summary>
internal sealed partial class MigrationRunner(EngineKind engine, ILogger logger)
{
    private const string Bootstrap = """
        create schema if not exists app;
        create table if not exists app.schema_migrations (
            version    text primary key,
            name       text not null,
            checksum   text not null,
            applied_at timestamptz not null default now()
        );
        """;

    private const string TableExists = """
        select count(*) from information_schema.tables
        where table_schema = 'app' and table_name = 'schema_migrations'
        """;

    private const string SelectApplied = "select version, name, checksum from app.schema_migrations order by version";

    /// <summary>The migrations this build ships for the engine.</summary>
    public IReadOnlyList<Migration> Shipped { get; } = MigrationSource.For(engine);

    /// <summary>Applies what is pending; throws <see cref="MigrationException"/> when an applied migration was changed.</summary>
    public async Task<MigrationReport> RunAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(Bootstrap, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
        VerifyChecksums(applied);

        var appliedNow = new List<string>();
        foreach (var migration in Shipped)
        {
            if (applied.ContainsKey(migration.Version))
                continue;
            await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
            appliedNow.Add(migration.Version);
        }

        return new MigrationReport(appliedNow, Shipped.Count - appliedNow.Count);
    }

    /// <summary>The shipped versions not yet applied (all of them when the warehouse was never migrated).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(TableExists, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (exists == 0)
            return [.. Shipped.Select(m => m.Version)];
        var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
        return [.. Shipped.Where(m => !applied.ContainsKey(m.Version)).Select(m => m.Version)];
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        LogApplying(logger, engine, migration.Version, migration.Name);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new MigrationException($"Migration {migration.Version} ({migration.Name}) failed on {engine}: {e.Message}", e);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                InsertRecord,
                new { version = migration.Version, name = migration.Name, checksum = migration.Checksum },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Npgsql names parameters @name; DuckDB names them $name.
    private string InsertRecord => engine == EngineKind.DuckDb
        ? "insert into app.schema_migrations (version, name, checksum) values ($version, $name, $checksum)"
        : "insert into app.schema_migrations (version, name, checksum) values (@version, @name, @checksum)";

    private void VerifyChecksums(Dictionary<string, AppliedMigration> applied)
    {
        foreach (var migration in Shipped)
        {
            if (applied.TryGetValue(migration.Version, out var record) && record.Checksum.Trim() != migration.Checksum)
            {
                throw new MigrationException(
                    $"Migration {migration.Version} ({migration.Name}) was applied with checksum {record.Checksum.Trim()}, " +
                    $"but this build ships it with checksum {migration.Checksum}: an applied migration must never change. " +
                    "Restore the original file and put the change in a new migration.");
            }
        }

        foreach (var version in applied.Keys.Where(v => Shipped.All(m => m.Version != v)))
            LogUnknownVersion(logger, engine, version);
    }

    private static async Task<Dictionary<string, AppliedMigration>> ReadAppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AppliedMigration>(
            new CommandDefinition(SelectApplied, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Version, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Engine} migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, EngineKind engine, string version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Engine} warehouse has migration {Version} applied, which this build does not ship: a newer build migrated it")]
    private static partial void LogUnknownVersion(ILogger logger, EngineKind engine, string version);

    private sealed record AppliedMigration(string Version, string Name, string Checksum);
}
