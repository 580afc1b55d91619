using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Northstar.Core;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// One multi-row <c>insert ... on conflict (idempotency_key) do nothing returning idempotency_key</c> for a run of
/// records: the keys it returns are the records that were new. One statement per run rather than one per record,
/// because DuckDB's conflict check costs about as much for one row as for hundreds.
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
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var prefix = dialect == SqlDialect.DuckDb ? '$' : '@';
        var json = dialect == SqlDialect.DuckDb ? "json" : "jsonb";
        var sql = new StringBuilder($"insert into bronze.events ({Columns}) values ");
        for (var i = 0; i < count; i++)
        {
            var record = records[start + i];
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

        sql.Append(" on conflict (idempotency_key) do nothing returning idempotency_key");
        command.CommandText = sql.ToString();

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            inserted.Add(reader.GetString(0));
        return inserted;
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
