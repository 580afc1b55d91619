using Dapper;
using Northstar.Warehouse;

namespace Northstar.Ingest.Square;

/// <summary>The watermark of each pull connector, kept in <c>app.sync_state</c> on the warehouse's primary.</summary>
public sealed class SyncStateStore(IWarehouse warehouse)
{
    /// <summary>The connector's watermark, or null when it never synced.</summary>
    public async Task<DateTimeOffset?> GetWatermarkAsync(string connector, CancellationToken cancellationToken = default)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Both providers read timestamptz as DateTimeOffset when asked; Dapper's default mapping gives DateTime.
            var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                Sql("select watermark from app.sync_state where connector = @connector"),
                new { connector }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? await reader.GetFieldValueAsync<DateTimeOffset>(0, cancellationToken).ConfigureAwait(false)
                    : null;
            }
        }
    }

    /// <summary>
    /// Moves the connector's watermark forward to <paramref name="watermark"/>; never backward, so a re-sync of an
    /// older range (<c>sync square --since</c>) or two runs at once cannot make the next run miss records.
    /// </summary>
    public async Task AdvanceWatermarkAsync(string connector, DateTimeOffset watermark, CancellationToken cancellationToken = default)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql("""
                    insert into app.sync_state (connector, watermark, updated_at)
                    values (@connector, @watermark, now())
                    on conflict (connector) do update
                    set watermark = greatest(app.sync_state.watermark, excluded.watermark),
                        updated_at = excluded.updated_at
                    """),
                new { connector, watermark = watermark.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    // Npgsql names parameters @name; DuckDB names them $name.
    private string Sql(string sql) =>
        warehouse.Engine == EngineKind.DuckDb ? sql.Replace('@', '$') : sql;
}
