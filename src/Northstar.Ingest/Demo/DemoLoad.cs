using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Northstar.Core.Rollups;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using Northstar.Warehouse;
using Northstar.Warehouse.Rollups;

namespace Northstar.Ingest.Demo;

/// <summary>Loads the demo company through the ingest pipeline's bulk path, entity by entity, as a file or sync would.</summary>
public static class DemoLoad
{
    /// <summary>The bronze source of the demo's bulk load.</summary>
    public const string Source = "demo";

    /// <summary>Dimensions first, so facts find their keys on the first pass.</summary>
    public static IReadOnlyList<EntityKind> Order { get; } =
    [
        EntityKind.Locations, EntityKind.Employees, EntityKind.Products, EntityKind.Customers, EntityKind.Campaigns,
        EntityKind.Orders, EntityKind.Leads, EntityKind.Appointments, EntityKind.Jobs, EntityKind.Tickets,
        EntityKind.Calls, EntityKind.CanvassDoors, EntityKind.MarketingSpend,
    ];

    /// <summary>
    /// Writes one entity of the demo to bronze. The generator only makes valid records, so an invalid one is a bug:
    /// it throws, naming the record and field.
    /// </summary>
    public static async Task<BulkOutcome> AcceptAsync(
        DemoData data, IngestPipeline pipeline, EntityKind entity, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pipeline);
        var outcome = await pipeline
            .AcceptWireBulkAsync(Source, entity, Events(data.Of(entity), cancellationToken), progress, cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Rejected is [var first, ..])
        {
            throw new InvalidOperationException(
                $"The demo generator produced {outcome.Invalid} invalid {EntityNames.Of(entity)}; the first, #{first.Index} ({first.Id}): "
                + string.Join("; ", first.Errors.Select(error => $"{error.Field} {error.Message}")));
        }

        return outcome;
    }

    /// <summary>
    /// Writes every entity to bronze and processes bronze into silver and gold, the two side by side: generating,
    /// validating and staging an entity keeps one core busy, and meanwhile the entities already in bronze are processed
    /// (batches go in event order, as they would after the whole load, so dimensions still come before the facts that
    /// use them). Returns the processing of the whole load.
    /// </summary>
    public static async Task<ProcessReport> RunAsync(
        DemoData data, IngestPipeline pipeline, IDemoLoadObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pipeline);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var landed = new SemaphoreSlim(0);
        var written = false;
        var processing = Task.Run(() => ProcessWhileWritingAsync(pipeline, landed, () => Volatile.Read(ref written), stop), stop.Token);
        try
        {
            foreach (var entity in Order)
            {
                var outcome = await AcceptAsync(data, pipeline, entity, observer?.Writing(entity), stop.Token).ConfigureAwait(false);
                observer?.Written(entity, outcome);
                landed.Release();
            }
        }
        catch (Exception)
        {
            // The writing failed or was stopped by a processing failure: that failure, if any, is the one to report.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await processing.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Processing stopped because the writing failed.
            }

            throw;
        }

        Volatile.Write(ref written, true);
        landed.Release();
        var reports = await processing.ConfigureAwait(false);
        return new ProcessReport(
            reports.SelectMany(report => report.Processed).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value)),
            reports.Sum(report => report.Rejected),
            Stopwatch.GetElapsedTime(started),
            [.. reports.SelectMany(report => report.Changes)]);
    }

    /// <summary>
    /// Loads the demo (<see cref="RunAsync"/>) into a warehouse nobody reads meanwhile (the <c>demo</c> verb, before it
    /// serves), building the rollups once from the loaded facts instead of refreshing them in every batch, which costs a
    /// bulk load about a third of its time: the rollup tables are dropped first, the load runs through a pipeline of
    /// its own that keeps none, then they are built. A load stopped half-way leaves no rollups rather than stale ones,
    /// and the next start builds them from what was loaded.
    /// </summary>
    public static async Task<ProcessReport> RunThenBuildRollupsAsync(
        DemoData data, IWarehouse warehouse, IReadOnlyList<RollupTable> rollups, ILoggerFactory loggerFactory,
        IDemoLoadObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        await RollupStore.DropAllAsync(warehouse, cancellationToken).ConfigureAwait(false);
        ProcessReport report;
        using (var pipeline = new IngestPipeline(warehouse, loggerFactory))
            report = await RunAsync(data, pipeline, observer, cancellationToken).ConfigureAwait(false);
        await RollupStore.EnsureAsync(warehouse, rollups, cancellationToken).ConfigureAwait(false);
        return report;
    }

    // Each entity that lands is processed with whatever else is pending; after the last, what remains. A failure stops
    // the writing too.
    private static async Task<List<ProcessReport>> ProcessWhileWritingAsync(
        IngestPipeline pipeline, SemaphoreSlim landed, Func<bool> written, CancellationTokenSource stop)
    {
        var reports = new List<ProcessReport>();
        try
        {
            while (true)
            {
                await landed.WaitAsync(stop.Token).ConfigureAwait(false);
                var last = written();
                reports.Add(await pipeline.ProcessPendingAsync(stop.Token).ConfigureAwait(false));
                if (last)
                    return reports;
            }
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async IAsyncEnumerable<IWireEvent> Events(
        IEnumerable<IWireEvent> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
