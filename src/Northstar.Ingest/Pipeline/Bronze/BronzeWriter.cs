using Dapper;
using Northstar.Warehouse;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// Writes valid events to bronze.events, recognising re-deliveries by the unique idempotency key (PostgreSQL: "on
/// conflict do nothing", which makes a concurrent duplicate wait for the first and then do nothing). DuckDB's
/// optimistic transactions would instead fail one of two concurrent duplicates, so writes to an embedded warehouse are
/// taken one at a time (they are serialised by DuckDB's single writer anyway), and leave out the keys already stored by
/// looking them up first.
/// </summary>
internal sealed class BronzeWriter(IWarehouse warehouse) : IDisposable
{
    private static readonly string[] StagingColumns =
        ["load_id", "source", "entity", "external_id", "idempotency_key", "content_hash", "payload"];

    private readonly BronzeSql _sql = BronzeSql.For(warehouse.Dialect);
    private readonly SemaphoreSlim _embeddedWriter = new(1, 1);

    /// <summary>
    /// Writes the records, whose idempotency keys are distinct, in one transaction; for each, whether it was new (false:
    /// its key was in bronze already).
    /// </summary>
    public async Task<bool[]> WriteAsync(IReadOnlyList<BronzeRecord> records, CancellationToken ct)
    {
        var inserted = new bool[records.Count];
        if (records.Count == 0)
            return inserted;

        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await warehouse.OpenWriteConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            for (var start = 0; start < records.Count; start += BronzeInsert.MaxRecords)
            {
                var count = Math.Min(BronzeInsert.MaxRecords, records.Count - start);
                var keys = await BronzeInsert.RunAsync(connection, transaction, warehouse.Dialect, records, start, count, ct)
                    .ConfigureAwait(false);
                for (var i = start; i < start + count; i++)
                    inserted[i] = keys.Contains(records[i].IdempotencyKey);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return inserted;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Appends the records to the staging table with the bulk loader, then moves the new ones into bronze.events in
    /// one statement. Returns how many were new.
    /// </summary>
    public async Task<long> WriteBulkAsync(IAsyncEnumerable<BronzeRecord> records, CancellationToken ct)
    {
        var loadId = Guid.NewGuid().ToString("N");
        var parameters = new { load_id = loadId };
        await using (var loader = await warehouse.BeginBulkLoadAsync("bronze.event_staging", StagingColumns, ct).ConfigureAwait(false))
        {
            await foreach (var record in records.WithCancellation(ct).ConfigureAwait(false))
            {
                loader.StartRow();
                loader.Write(loadId);
                loader.Write(record.Source);
                loader.Write(record.Entity);
                loader.Write(record.ExternalId);
                loader.Write(record.IdempotencyKey);
                loader.Write(record.ContentHash);
                loader.Write(record.Payload);
            }

            await loader.CompleteAsync(ct).ConfigureAwait(false);
        }

        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await warehouse.OpenWriteConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var inserted = await connection.ExecuteAsync(new CommandDefinition(_sql.MoveStaged, parameters, transaction, cancellationToken: ct))
                .ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(_sql.ClearStaged, parameters, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return inserted;
        }
        finally
        {
            Exit();
        }
    }

    public void Dispose() => _embeddedWriter.Dispose();

    private Task EnterAsync(CancellationToken ct) =>
        warehouse.Engine == EngineKind.DuckDb ? _embeddedWriter.WaitAsync(ct) : Task.CompletedTask;

    private void Exit()
    {
        if (warehouse.Engine == EngineKind.DuckDb)
            _embeddedWriter.Release();
    }
}
