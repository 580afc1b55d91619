using System.Globalization;
using Microsoft.Extensions.Logging;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Square;

/// <summary>
/// Pulls orders from a Square-format Orders API (SearchOrders, sorted by <c>updated_at</c>, cursor pagination) from the
/// last watermark, maps them to <see cref="OrderEvent"/>s and delivers each page to the sink. The watermark moves
/// only after a page is durably accepted, so a run that fails or is cancelled resumes after the last accepted page.
/// Each event carries the key <c>square:{id}:{version}</c>, so the orders at the watermark instant, asked for again
/// by the next run (the filter's start is inclusive), are recognised as duplicates rather than applied twice.
/// </summary>
public sealed partial class SquareSync
{
    /// <summary>The connector's name: its bronze source and its key in <c>app.sync_state</c>.</summary>
    public const string ConnectorName = "square";

    private static readonly string[] SyncedStates = ["OPEN", "COMPLETED", "CANCELED"];

    private readonly SquareOptions _options;
    private readonly ISquareOrderSink _sink;
    private readonly SyncStateStore _state;
    private readonly SquareOrdersClient _client;
    private readonly ILogger _logger;

    /// <summary>Creates the sync; <paramref name="http"/> is used as is (the host gives it its handler and lifetime).</summary>
    /// <exception cref="ArgumentException">The options are not usable; the message names each setting at fault.</exception>
    public SquareSync(HttpClient http, SquareOptions options, ISquareOrderSink sink, SyncStateStore state, ILogger<SquareSync> logger)
        : this(http, options, sink, state, logger, Task.Delay)
    {
    }

    /// <summary>Creates the sync with the function that waits between tries (tests pass one that returns at once).</summary>
    internal SquareSync(
        HttpClient http,
        SquareOptions options,
        ISquareOrderSink sink,
        SyncStateStore state,
        ILogger logger,
        Func<TimeSpan, CancellationToken, Task> delay)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        _options = options;
        _sink = sink;
        _state = state;
        _logger = logger;
        _client = new SquareOrdersClient(http, options, delay, logger);
    }

    /// <summary>
    /// Syncs every order updated since <paramref name="since"/>, or since the stored watermark when it is null
    /// (everything on the first run).
    /// </summary>
    /// <exception cref="SquareSyncException">The API refused the request or kept failing; pages accepted before stay accepted.</exception>
    public async Task<SquareSyncReport> RunAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        var stored = await _state.GetWatermarkAsync(ConnectorName, cancellationToken).ConfigureAwait(false);
        var from = since ?? stored;
        var watermark = stored;
        int pages = 0;
        long orders = 0, accepted = 0, duplicates = 0, invalid = 0, drafts = 0;
        string? cursor = null;
        LogStart(_logger, from);
        do
        {
            // A cursor is only valid with the query of the first page, so the filter stays the run's starting point.
            var page = await _client.SearchAsync(Request(from, cursor), cancellationToken).ConfigureAwait(false);
            var received = page.Orders ?? [];
            var events = new List<IncomingEvent>(received.Count);
            foreach (var order in received)
            {
                if (!SquareOrderMapper.TryMap(order, out var mapped, out var error))
                {
                    LogUnreadable(_logger, order.Id, error!);
                    invalid++;
                }
                else if (mapped is null)
                {
                    drafts++;
                }
                else
                {
                    events.Add(IncomingEvent.From(mapped, IdempotencyKey(order)));
                }
            }

            if (events.Count > 0)
            {
                var outcome = await _sink.AcceptAsync(events, cancellationToken).ConfigureAwait(false);
                accepted += outcome.Accepted;
                duplicates += outcome.Duplicates;
                invalid += outcome.Invalid;
            }

            if (received.Count > 0)
            {
                var pageWatermark = received.Max(order => order.UpdatedAt);
                if (watermark is null || pageWatermark > watermark)
                {
                    await _state.AdvanceWatermarkAsync(ConnectorName, pageWatermark, cancellationToken).ConfigureAwait(false);
                    watermark = pageWatermark;
                }
            }

            pages++;
            orders += received.Count;
            cursor = string.IsNullOrEmpty(page.Cursor) ? null : page.Cursor;
        }
        while (cursor is not null);

        var report = new SquareSyncReport(pages, orders, accepted, duplicates, invalid, drafts, watermark);
        LogDone(_logger, report.Pages, report.Orders, report.Accepted, report.Duplicates, report.Invalid, report.Watermark);
        return report;
    }

    private SquareSearchOrdersRequest Request(DateTimeOffset? from, string? cursor) => new(
        LocationIds: [.. _options.LocationIds],
        Query: new SquareSearchQuery(
            new SquareSearchFilter(
                from is { } start ? new SquareDateTimeFilter(new SquareTimeRange(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture))) : null,
                new SquareStateFilter(SyncedStates)),
            new SquareSort("UPDATED_AT", "ASC")),
        Limit: _options.PageSize,
        Cursor: cursor);

    private static string IdempotencyKey(SquareOrder order) =>
        order.Version is { } version
            ? $"{ConnectorName}:{order.Id}:{version.ToString(CultureInfo.InvariantCulture)}"
            : $"{ConnectorName}:{order.Id}:{order.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Square sync starting from {From}")]
    private static partial void LogStart(ILogger logger, DateTimeOffset? from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Square order {OrderId} skipped: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Square sync done: {Pages} pages, {Orders} orders, {Accepted} accepted, {Duplicates} duplicates, {Invalid} invalid; watermark {Watermark}")]
    private static partial void LogDone(ILogger logger, int pages, long orders, long accepted, long duplicates, long invalid, DateTimeOffset? watermark);
}
