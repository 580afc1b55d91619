using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Northstar.Core.Rollups;
using Northstar.Ingest.Pipeline.Bronze;
using Northstar.Ingest.Transform;
using Northstar.Warehouse;

namespace Northstar.Ingest.Pipeline;

/// <summary>
/// Takes events into bronze (validated, deduplicated, durable) and moves them on to silver and gold. One per
/// warehouse; thread-safe.
/// </summary>
public sealed partial class IngestPipeline : IDisposable
{
    private const int ProgressInterval = 10_000;

    private readonly ILogger _logger;
    private readonly BronzeWriter _bronze;
    private readonly BronzeGroupCommit _groupCommit;
    private readonly BatchProcessor _batches;
    private readonly QualityLog _quality;
    private readonly SemaphoreSlim _processing = new(1, 1);

    /// <summary>
    /// Creates the pipeline of <paramref name="warehouse"/>; each batch also refreshes the model's
    /// <paramref name="rollups"/> (their tables must exist: see <c>RollupStore.EnsureAsync</c>).
    /// </summary>
    public IngestPipeline(IWarehouse warehouse, ILoggerFactory loggerFactory, RollupMaintenance? rollups = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(warehouse);
        _logger = loggerFactory.CreateLogger<IngestPipeline>();
        _bronze = new BronzeWriter(warehouse);
        _groupCommit = new BronzeGroupCommit(_bronze.WriteAsync);
        _batches = new BatchProcessor(warehouse, rollups);
        _quality = new QualityLog(warehouse);
    }

    /// <summary>Raised after each processed batch that changed gold, once its transaction has committed.</summary>
    public event Action<DataChange>? DataChanged;

    /// <summary>
    /// Validates each event and writes the valid ones' raw payloads to bronze (the idempotency key is unique, so a
    /// re-delivered event is a Duplicate), in one transaction with those of concurrent calls (group commit). Durable
    /// when it returns. Does not process.
    /// </summary>
    public async Task<IReadOnlyList<EventOutcome>> AcceptAsync(
        string source, EntityKind entity, IReadOnlyList<IncomingEvent> events, CancellationToken ct = default)
    {
        Acceptance.CheckSource(source);
        ArgumentNullException.ThrowIfNull(events);
        var outcomes = new EventOutcome[events.Count];
        var records = new List<BronzeRecord>(events.Count);
        var positions = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (record, invalid) = Acceptance.Check(source, entity, events[i], i);
            if (record is null)
            {
                outcomes[i] = invalid!;
                continue;
            }

            records.Add(record);
            positions.Add(i);
        }

        var inserted = await _groupCommit.WriteAsync(records, ct).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
            outcomes[positions[i]] = Acceptance.Written(positions[i], records[i], inserted[i]);
        return outcomes;
    }

    /// <summary>
    /// The bulk path (files, demo, sync): the same validation and deduplication, written through the warehouse's bulk
    /// loader. <paramref name="progress"/> receives the number of events read so far, every 10,000 events and at the end.
    /// </summary>
    public Task<BulkOutcome> AcceptBulkAsync(
        string source, EntityKind entity, IAsyncEnumerable<IncomingEvent> events, IProgress<long>? progress = null,
        CancellationToken ct = default) =>
        AcceptBulkAsync(source, events, (incoming, index) => Acceptance.Check(source, entity, incoming, index), progress, ct);

    /// <summary>
    /// Moves everything pending from bronze to silver to gold, in batches of the oldest events, one transaction each;
    /// raises <see cref="DataChanged"/> after each batch that changed something. Runs one at a time per warehouse
    /// (across nodes too, on PostgreSQL).
    /// </summary>
    public async Task<ProcessReport> ProcessPendingAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var processed = new Dictionary<EntityKind, long>();
        var changes = new List<DataChange>();
        long rejected = 0;
        await _processing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (await _batches.RunNextAsync(ct).ConfigureAwait(false) is { } batch)
            {
                foreach (var (entity, count) in batch.Processed)
                    processed[entity] = processed.GetValueOrDefault(entity) + count;
                rejected += batch.Rejected;
                if (batch.Change is not { } change)
                    continue;
                changes.Add(change);
                DataChanged?.Invoke(change);
            }
        }
        finally
        {
            _processing.Release();
        }

        var report = new ProcessReport(processed, rejected, Stopwatch.GetElapsedTime(started), changes);
        if (report.TotalProcessed > 0 || rejected > 0)
            LogProcessed(_logger, report.TotalProcessed, rejected, report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>The most recent data-quality issues (events that could not be applied), newest first; at most 1,000.</summary>
    public Task<IReadOnlyList<QualityIssue>> QualityAsync(int limit = 100, CancellationToken ct = default) =>
        _quality.RecentAsync(limit, ct);

    /// <summary>Commits the accepts already queued, then releases the pipeline's locks.</summary>
    public void Dispose()
    {
        _groupCommit.Dispose();
        _bronze.Dispose();
        _processing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Events} bronze events ({Rejected} rejected) in {Milliseconds:F0} ms")]
    private static partial void LogProcessed(ILogger logger, long events, long rejected, double milliseconds);
}
