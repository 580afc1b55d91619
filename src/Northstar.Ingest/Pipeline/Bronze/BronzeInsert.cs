using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Northstar.Core;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// Writes a run of records to bronze.events in one multi-row insert and tells which were new. PostgreSQL:
/// <c>insert ... on conflict (idempotency_key) do nothing returning idempotency_key</c>, which makes a concurrent
/// duplicate wait for the first. DuckDB, whose writes to an embedded warehouse are taken one at a time
/// (<see cref="BronzeWriter"/>): the keys already stored are looked up first and only the others inserted, with a
/// plain insert, because DuckDB's conflict-checking insert costs more than twice as much as a lookup and an insert
/// together — and on the webhook path that cost is paid by every group commit.
/// </summary>
internal static class BronzeInsert
{
    /// <summary>The most records in one statement (six parameters each, well under PostgreSQL's 65,535).</summary>
    public const int MaxRecords = 1_000;

    private const string Columns = "source, entity, external_id, idempotency_key, content_hash, payload";

    /// <summary>Inserts the records (at most <see cref="MaxRecords"/>, distinct keys) and returns the keys that were new.</summary>
    public static async Task<HashSet<string>> RunAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<BronzeRecord> records, int start, int count,
        CancellationToken ct)
    {
        var run = records.Skip(start).Take(count).ToList();
        if (dialect != SqlDialect.DuckDb)
            return await InsertAsync(connection, transaction, dialect, run, skipConflicts: true, ct).ConfigureAwait(false);

        var stored = await StoredKeysAsync(connection, transaction, run, ct).ConfigureAwait(false);
        var fresh = run.Where(record => !stored.Contains(record.IdempotencyKey)).ToList();
        if (fresh.Count > 0)
            await InsertAsync(connection, transaction, dialect, fresh, skipConflicts: false, ct).ConfigureAwait(false);
        return fresh.Select(record => record.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<HashSet<string>> StoredKeysAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<BronzeRecord> run, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("select idempotency_key from bronze.events where idempotency_key in (");
        for (var i = 0; i < run.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Append(CultureInfo.InvariantCulture, $"$k{i}");
            Add(command, $"k{i}", run[i].IdempotencyKey);
        }

        command.CommandText = sql.Append(')').ToString();
        return await ReadKeysAsync(command, ct).ConfigureAwait(false);
    }

    private static async Task<HashSet<string>> InsertAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<BronzeRecord> run, bool skipConflicts,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var prefix = dialect == SqlDialect.DuckDb ? '$' : '@';
        var json = dialect == SqlDialect.DuckDb ? "json" : "jsonb";
        var sql = new StringBuilder($"insert into bronze.events ({Columns}) values ");
        for (var i = 0; i < run.Count; i++)
        {
            var record = run[i];
            if (i > 0)
                sql.Append(", ");
            sql.Append(CultureInfo.InvariantCulture,
                $"({prefix}s{i}, {prefix}e{i}, {prefix}x{i}, {prefix}k{i}, {prefix}h{i}, cast({prefix}p{i} as {json}))");
            Add(command, $"s{i}", record.Source);
            Add(command, $"e{i}", record.Entity);
            Add(command, $"x{i}", record.ExternalId);
            Add(command, $"k{i}", record.IdempotencyKey);
            Add(command, $"h{i}", record.ContentHash);
            Add(command, $"p{i}", record.Payload);
        }

        if (!skipConflicts)
        {
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return [];
        }

        command.CommandText = sql.Append(" on conflict (idempotency_key) do nothing returning idempotency_key").ToString();
        return await ReadKeysAsync(command, ct).ConfigureAwait(false);
    }

    private static async Task<HashSet<string>> ReadKeysAsync(DbCommand command, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            keys.Add(reader.GetString(0));
        return keys;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.String;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
