using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Northstar.Core;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Pipeline.Validation;
using Northstar.Warehouse;

namespace Northstar.Ingest.Transform;

/// <summary>
/// The data-quality log: bronze events that cannot be applied are recorded in app.data_quality with the reason, and
/// their bronze row is marked failed with the same reason.
/// </summary>
internal sealed class QualityLog(IWarehouse warehouse)
{
    private readonly string _record = Parameters("""
        insert into app.data_quality (event_id, source, entity, external_id, reason) values (:event_id, :source, :entity, :external_id, :reason)
        """, warehouse.Dialect);

    private readonly string _fail = Parameters("""
        update bronze.events set status = 'failed', processed_at = now(), attempts = attempts + 1, error = :reason
        where event_id = :event_id
        """, warehouse.Dialect);

    /// <summary>
    /// Validates the pending payloads up to <paramref name="hi"/> again, as acceptance does, and rejects those that
    /// fail. Returns how many were rejected.
    /// </summary>
    public async Task<int> RejectInvalidAsync(long hi, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var pending = await connection.QueryAsync<(long EventId, string Entity, string Source, string ExternalId, string Payload)>(new CommandDefinition(
            BatchStatements.PendingPayloads.Replace("{hi}", hi.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        var rejected = 0;
        foreach (var row in pending)
        {
            if (!EntityNames.TryParse(row.Entity, out var entity) || ReasonToReject(entity, row.Payload) is not { } reason)
                continue;
            var parameters = new { event_id = row.EventId, source = row.Source, entity = row.Entity, external_id = row.ExternalId, reason };
            await connection.ExecuteAsync(new CommandDefinition(_record, parameters, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(_fail, parameters, transaction, cancellationToken: ct)).ConfigureAwait(false);
            rejected++;
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return rejected;
    }

    /// <summary>The most recent issues, newest first.</summary>
    public async Task<IReadOnlyList<QualityIssue>> RecentAsync(int limit, CancellationToken ct)
    {
        var sql = BatchStatements.RecentIssues.Replace("{limit}", Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var connection = await warehouse.OpenReadConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var issues = new List<QualityIssue>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            issues.Add(new QualityIssue(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return issues;
    }

    private static string? ReasonToReject(EntityKind entity, string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var (_, errors) = EventValidator.Validate(entity, document.RootElement);
            return errors.Count == 0 ? null : string.Join("; ", errors.Select(error => $"{error.Field} {error.Message}"));
        }
        catch (JsonException)
        {
            return "the payload is not valid JSON";
        }
    }

    // DuckDB binds $name, Npgsql @name.
    private static string Parameters(string sql, SqlDialect dialect) =>
        sql.Replace(":", dialect == SqlDialect.DuckDb ? "$" : "@", StringComparison.Ordinal);
}
