using Dapper;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Queries;
using Northstar.Warehouse;

namespace Northstar.Server.Telemetry;

/// <summary>
/// Writes telemetry into the warehouse: batches of requests into gold.fact_requests and live-connection samples into
/// gold.fact_live_samples (bulk loads, every column in table order), each with its business-local date and hour in the
/// company's time zone; then bumps the <c>system</c> data version, so cached answers about them are not served stale,
/// and raises <see cref="DataChanged"/>. One write at a time: the request writer and the connection sampler bump the same
/// version row, which DuckDB would otherwise refuse as a write conflict.
/// </summary>
internal sealed class TelemetryStore(IWarehouse warehouse, LoadedModel model, string node) : IDisposable
{
    /// <summary>The data subject of the telemetry facts (the model's technology and live_connections subjects).</summary>
    public const string DataSubject = "system";

    private static readonly string[] RequestColumns =
        ["requested_at", "date_key", "node", "method", "route", "status", "duration_ms", "local_date", "local_hour"];

    private static readonly string[] SampleColumns = ["sampled_at", "date_key", "local_date", "local_hour", "node", "connections"];

    // The version is bumped after the rows commit: an answer computed in between is cached under the old version but
    // already holds the new rows, never the reverse.
    private const string BumpVersion = """
        insert into app.data_versions as t (subject, version, updated_at) values ('system', 1, now())
        on conflict (subject) do update set version = t.version + 1, updated_at = now()
        """;

    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Raised after each write has committed, naming the <c>system</c> subject and the local dates written.</summary>
    public event Action<DataChange>? DataChanged;

    /// <summary>Writes <paramref name="requests"/> (none: nothing happens).</summary>
    public async Task WriteRequestsAsync(IReadOnlyList<RequestRecord> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
            return;
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(requests, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Writes the sample of the minute <paramref name="minute"/> (truncated to the minute): <paramref name="connections"/> open.
    /// </summary>
    public async Task WriteSampleAsync(DateTimeOffset minute, int connections, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(minute, connections, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();

    private async Task WriteAsync(IReadOnlyList<RequestRecord> requests, CancellationToken cancellationToken)
    {
        var (from, to) = (DateOnly.MaxValue, DateOnly.MinValue);
        var loading = warehouse.BeginBulkLoadAsync("gold.fact_requests", RequestColumns, cancellationToken);
        await using (var load = await loading.ConfigureAwait(false))
        {
            foreach (var request in requests)
            {
                var local = LocalTime(request.At);
                (from, to) = (local.Date < from ? local.Date : from, local.Date > to ? local.Date : to);
                load.StartRow();
                load.Write(request.At);
                load.Write(DateKey(local.Date));
                load.Write(node);
                load.Write(request.Method);
                load.Write(request.Route);
                load.Write(request.Status);
                load.Write(request.DurationMs);
                load.Write(local.Date);
                load.Write(local.Hour);
            }

            await load.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ChangedAsync(from, to, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(DateTimeOffset minute, int connections, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(minute.UtcTicks - (minute.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var local = LocalTime(at);
        var loading = warehouse.BeginBulkLoadAsync("gold.fact_live_samples", SampleColumns, cancellationToken);
        await using (var load = await loading.ConfigureAwait(false))
        {
            load.StartRow();
            load.Write(at);
            load.Write(DateKey(local.Date));
            load.Write(local.Date);
            load.Write(local.Hour);
            load.Write(node);
            load.Write(Math.Max(0, connections));
            await load.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ChangedAsync(local.Date, local.Date, cancellationToken).ConfigureAwait(false);
    }

    private async Task ChangedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using (var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false))
            await connection.ExecuteAsync(new CommandDefinition(BumpVersion, cancellationToken: cancellationToken)).ConfigureAwait(false);
        DataChanged?.Invoke(new DataChange([DataSubject], from, to));
    }

    private (DateOnly Date, short Hour) LocalTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, model.CompanyTimeZone);
        return (DateOnly.FromDateTime(local.DateTime), (short)local.Hour);
    }

    private static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;
}
