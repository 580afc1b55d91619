using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Northstar.Core.Queries;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Apis;
using Northstar.Server.Queries;
using Northstar.Server.Telemetry;
using Northstar.Warehouse;

namespace Northstar.Server.Live;

/// <summary>
/// Recomputes subscriptions when their data changes. The "data changed" notifications of the ingest pipeline (and of
/// the server's own telemetry) go to every node through the backplane; each node marks its subscriptions whose subjects
/// and dates the change touches as dirty, and recomputes a dirty subscription at most once per its interval (a burst of changes costs one computation at the
/// start of the interval and one at its end), through the normal query path and cache. One node per round computes
/// (the backplane's claim), and the update is published only when the answer changed.
/// </summary>
internal sealed partial class LiveScheduler(
    LiveRegistry registry,
    ILiveBackplane backplane,
    IngestPipeline pipeline,
    TelemetryStore telemetry,
    QueryService queries,
    DataVersions versions,
    IWarehouse warehouse,
    LiveClock clock,
    LiveCounters counters,
    IOptions<LiveOptions> options,
    ILogger<LiveScheduler> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        backplane.ChangeReceived += OnChange;
        await backplane.StartAsync(cancellationToken);
        pipeline.DataChanged += Publish;
        telemetry.DataChanged += Publish;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        pipeline.DataChanged -= Publish;
        telemetry.DataChanged -= Publish;
        backplane.ChangeReceived -= OnChange;
        await _stopping.CancelAsync();
    }

    /// <summary>Marks the subscriptions <paramref name="change"/> affects dirty (this node's, as it holds them now).</summary>
    private void OnChange(DataChange change)
    {
        foreach (var topic in registry.Topics())
        {
            if (Affects(topic, change))
                MarkDirty(topic);
        }
    }

    private void Publish(DataChange change) => _ = PublishAsync(change);

    private async Task PublishAsync(DataChange change)
    {
        try
        {
            await backplane.PublishChangeAsync(change);
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, e);
        }
    }

    private bool Affects(LiveTopic topic, DataChange change)
    {
        CompiledQuery query;
        try
        {
            query = queries.Compile(topic.Spec, topic.Scope);
        }
        catch (QueryValidationException)
        {
            // It compiled when subscribed; should the model have changed since, recomputing reports why.
            return true;
        }

        if (!query.Subjects.Any(subject => change.Subjects.Contains(subject, StringComparer.Ordinal)))
            return false;
        return Overlaps(query.Range, change) || (query.Comparison is { } comparison && Overlaps(comparison.Range, change));
    }

    private static bool Overlaps(DateRange? range, DataChange change) =>
        range is null || (range.From <= change.To && change.From <= range.To);

    private void MarkDirty(LiveTopic topic)
    {
        TimeSpan wait;
        lock (topic.Gate)
        {
            topic.Dirty = true;
            if (topic.Scheduled)
                return;
            topic.Scheduled = true;
            wait = topic.ComputedAt == 0 ? TimeSpan.Zero : topic.Interval - clock.Time.GetElapsedTime(topic.ComputedAt);
        }

        _ = RunAsync(topic, wait);
    }

    private async Task RunAsync(LiveTopic topic, TimeSpan wait)
    {
        try
        {
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, clock.Time, _stopping.Token);
            lock (topic.Gate)
            {
                topic.Dirty = false;
                topic.ComputedAt = clock.Time.GetTimestamp();
            }

            if (registry.Topic(topic.Key) == topic)
                await ComputeAsync(topic);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            LogComputeFailed(logger, topic.Key, e);
        }

        bool again;
        lock (topic.Gate)
        {
            topic.Scheduled = false;
            again = topic.Dirty;
        }

        if (again && registry.Topic(topic.Key) == topic)
            MarkDirty(topic);
    }

    private async Task ComputeAsync(LiveTopic topic)
    {
        var started = Stopwatch.GetTimestamp();
        var query = queries.Compile(topic.Spec, topic.Scope);
        var read = await versions.ReadAsync(query.Subjects, _stopping.Token);
        if (!await backplane.TryClaimAsync(topic.Key, LiveKey.Round(read.Versions), TimeSpan.FromSeconds(options.Value.ClaimSeconds)))
            return;

        counters.Computed();
        var computedAt = clock.Time.GetUtcNow();
        var result = await queries.AnswerAsync(query, started, _stopping.Token);
        var update = new LiveUpdate(topic.Key, QueryResponse.From(result, EngineNames.Of(warehouse.Engine), explain: false), computedAt);
        var hash = LiveKey.ContentHash(update.Answer);
        if (!await backplane.ExchangeContentHashAsync(topic.Key, hash))
            return;
        await backplane.PublishUpdateAsync(new LiveUpdateMessage(topic.Key, computedAt, hash, JsonSerializer.Serialize(update, JsonSerializerOptions.Web)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A data change could not be published to the live backplane")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputing live subscription {Key} failed; it is retried at its next data change")]
    private static partial void LogComputeFailed(ILogger logger, string key, Exception exception);
}
