using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Ingest.Square;
using Northstar.Ingest.Tests.Pipeline;

namespace Northstar.Ingest.Tests.Square;

public sealed class SquareSyncTests : IDisposable
{
    private const string Token = "EAAAl-test-token-7f3c";
    private static readonly DateTimeOffset EndOfPage1 = DateTimeOffset.Parse("2026-03-02T10:20:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset EndOfPage3 = DateTimeOffset.Parse("2026-03-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly List<TimeSpan> _delays = [];
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Pages_through_the_cursor_with_the_bearer_token_and_stores_the_last_updated_at_as_watermark()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        await using var server = SquareTestServer.Start(RecordedSquare.Serve);
        var sink = new RecordingOrderSink();

        var report = await Sync(server, warehouse, sink).RunAsync();

        Assert.Equal(new SquareSyncReport(Pages: 3, Orders: 6, Accepted: 6, Duplicates: 0, Invalid: 0, Drafts: 0, EndOfPage3), report);
        Assert.Equal(EndOfPage3, await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
        var calls = server.Calls.ToList();
        Assert.Equal([null, "CURSOR-2", "CURSOR-3"], calls.Select(call => call.Cursor));
        Assert.All(calls, call =>
        {
            Assert.Equal("POST", call.Method);
            Assert.Equal("/v2/orders/search", call.Path);
            Assert.Equal($"Bearer {Token}", call.Authorization);
            Assert.False(string.IsNullOrEmpty(call.SquareVersion));
            Assert.Null(call.StartAt);
            Assert.Equal(["L8RX2T4QZPM0D", "L1KW9B7E3ND5C", "LTOKYO6Q2X9B"], call.Body.GetProperty("location_ids").EnumerateArray().Select(id => id.GetString()));
            Assert.Equal(3, call.Body.GetProperty("limit").GetInt32());
            Assert.Equal("UPDATED_AT", call.Body.GetProperty("query").GetProperty("sort").GetProperty("sort_field").GetString());
        });
        Assert.Equal([3, 2, 1], sink.Pages.Select(page => page.Count));
        Assert.Contains("square:Gh5tR8wYq2ZkP0xNcVbM3nLs6JdF1:7", sink.ByKey.Keys);
    }

    [Fact]
    public async Task A_second_run_asks_only_for_orders_updated_since_the_watermark()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        await using var server = SquareTestServer.Start(RecordedSquare.Serve);
        var sink = new RecordingOrderSink();
        var sync = Sync(server, warehouse, sink);
        await sync.RunAsync();

        var second = await sync.RunAsync();

        Assert.Equal("2026-03-02T12:00:00.0000000Z", server.Calls.Last().StartAt);
        Assert.Equal(new SquareSyncReport(1, 1, 0, 1, 0, 0, EndOfPage3), second);
        Assert.Equal(6, sink.ByKey.Count);
    }

    [Fact]
    public async Task A_page_failing_with_500_is_tried_again_with_growing_backoff_and_nothing_is_lost_or_doubled()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        var failures = 0;
        await using var server = SquareTestServer.Start(call =>
            call.Cursor == "CURSOR-2" && ++failures <= 3 ? new SquareReply(500, """{"errors":[{"category":"API_ERROR"}]}""") : RecordedSquare.Serve(call));
        var sink = new RecordingOrderSink();

        var report = await Sync(server, warehouse, sink, options => options.MaxAttempts = 4).RunAsync();

        Assert.Equal(new SquareSyncReport(3, 6, 6, 0, 0, 0, EndOfPage3), report);
        Assert.Equal(6, server.Calls.Count);
        Assert.Equal(3, _delays.Count);
        for (var i = 0; i < _delays.Count; i++)
        {
            var full = TimeSpan.FromSeconds(1) * Math.Pow(2, i);
            Assert.InRange(_delays[i], full / 2, full);
        }
    }

    [Fact]
    public async Task A_run_that_gives_up_on_page_2_keeps_page_1_and_the_next_run_resumes_after_it()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        var outage = true;
        await using var server = SquareTestServer.Start(call =>
            outage && call.Cursor == "CURSOR-2" ? new SquareReply(503) : RecordedSquare.Serve(call));
        var sink = new RecordingOrderSink();
        var sync = Sync(server, warehouse, sink, options => options.MaxAttempts = 3);

        var failure = await Assert.ThrowsAsync<SquareSyncException>(() => sync.RunAsync());

        Assert.Contains("3 times", failure.Message, StringComparison.Ordinal);
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Equal(EndOfPage1, await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
        Assert.Equal(3, sink.ByKey.Count);

        outage = false;
        var resumed = await sync.RunAsync();

        Assert.Equal("2026-03-02T10:20:00.0000000Z", server.Calls.Where(call => call.Cursor is null).Last().StartAt);
        // The order at the watermark instant comes again and is recognised by its key; the rest arrive once.
        Assert.Equal(new SquareSyncReport(3, 4, 3, 1, 0, 0, EndOfPage3), resumed);
        Assert.Equal(6, sink.ByKey.Count);
    }

    [Fact]
    public async Task The_watermark_does_not_pass_a_page_the_sink_failed_to_accept()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        await using var server = SquareTestServer.Start(RecordedSquare.Serve);
        var sink = new RecordingOrderSink { FailOnPage = 2 };
        var sync = Sync(server, warehouse, sink);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sync.RunAsync());

        Assert.Equal(EndOfPage1, await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
        sink.FailOnPage = null;
        var resumed = await sync.RunAsync();
        Assert.Equal((3L, 1L), (resumed.Accepted, resumed.Duplicates));
        Assert.Equal(6, sink.ByKey.Count);
    }

    [Fact]
    public async Task A_run_cancelled_after_page_1_keeps_its_watermark_and_the_next_run_starts_there()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        using var cancellation = new CancellationTokenSource();
        var cancelOnPage2 = true;
        await using var server = SquareTestServer.Start(call =>
        {
            if (cancelOnPage2 && call.Cursor == "CURSOR-2")
                cancellation.Cancel();
            return RecordedSquare.Serve(call);
        });
        var sink = new RecordingOrderSink();
        var sync = Sync(server, warehouse, sink);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync.RunAsync(cancellationToken: cancellation.Token));

        Assert.Equal(EndOfPage1, await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
        Assert.Equal(3, sink.ByKey.Count);

        cancelOnPage2 = false;
        var resumed = await sync.RunAsync();

        Assert.Equal("2026-03-02T10:20:00.0000000Z", server.Calls.Where(call => call.Cursor is null).Last().StartAt);
        Assert.Equal(3, resumed.Accepted);
        Assert.Equal(6, sink.ByKey.Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        var throttled = false;
        await using var server = SquareTestServer.Start(call =>
        {
            if (throttled)
                return RecordedSquare.Serve(call);
            throttled = true;
            return new SquareReply(429, """{"errors":[{"category":"RATE_LIMIT_ERROR"}]}""", RetryAfterSeconds: 7);
        });

        var report = await Sync(server, warehouse, new RecordingOrderSink()).RunAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(_delays));
        Assert.Equal(6, report.Accepted);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once_with_a_clear_message_that_does_not_hold_the_token()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        await using var server = SquareTestServer.Start(_ => new SquareReply(401, """{"errors":[{"category":"AUTHENTICATION_ERROR"}]}"""));
        var sink = new RecordingOrderSink();

        var failure = await Assert.ThrowsAsync<SquareSyncException>(() => Sync(server, warehouse, sink).RunAsync());

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
        Assert.Empty(_delays);
        Assert.Empty(sink.Pages);
        Assert.Null(await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
    }

    [Fact]
    public async Task Since_overrides_the_watermark_for_the_query_but_never_moves_it_back()
    {
        await using var warehouse = await PipelineWarehouse.CreateAsync();
        await using var server = SquareTestServer.Start(RecordedSquare.Serve);
        var sink = new RecordingOrderSink();
        var sync = Sync(server, warehouse, sink);
        await sync.RunAsync();

        var again = await sync.RunAsync(since: EndOfPage1.AddMinutes(-15));

        Assert.Equal("2026-03-02T10:05:00.0000000Z", server.Calls.Where(call => call.Cursor is null).Last().StartAt);
        Assert.Equal(5, again.Duplicates);
        Assert.Equal(EndOfPage3, await new SyncStateStore(warehouse.Warehouse).GetWatermarkAsync(SquareSync.ConnectorName));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_naming_each_setting()
    {
        var problems = new SquareOptions { BaseUrl = new Uri("ftp://example.com"), PageSize = 0, MaxAttempts = 0 }.Validate();

        Assert.Contains(problems, problem => problem.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("AccessToken", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("LocationIds", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("PageSize", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("MaxAttempts", StringComparison.Ordinal));
    }

    private SquareSync Sync(SquareTestServer server, PipelineWarehouse warehouse, RecordingOrderSink sink, Action<SquareOptions>? configure = null)
    {
        var options = new SquareOptions
        {
            BaseUrl = server.BaseUrl,
            AccessToken = Token,
            LocationIds = ["L8RX2T4QZPM0D", "L1KW9B7E3ND5C", "LTOKYO6Q2X9B"],
            PageSize = 3,
        };
        configure?.Invoke(options);
        return new SquareSync(_http, options, sink, new SyncStateStore(warehouse.Warehouse), NullLogger.Instance, (delay, _) =>
        {
            _delays.Add(delay);
            return Task.CompletedTask;
        });
    }
}
