using System.Text.Json;
using Northstar.Ingest.Pipeline;
using Northstar.Testing;
using static Northstar.Ingest.Tests.Pipeline.TestEvents;

namespace Northstar.Ingest.Tests.Pipeline;

public sealed class PipelineAcceptanceTests
{
    [Fact]
    public Task Same_event_sent_three_times_is_one_bronze_row_on_duckdb() => Engines.OnDuckDbAsync(SameEventThreeTimes);

    [PostgresFact]
    public Task Same_event_sent_three_times_is_one_bronze_row_on_postgres() => Engines.OnPostgresAsync(SameEventThreeTimes);

    [Fact]
    public Task Concurrent_duplicates_are_one_bronze_row_on_duckdb() => Engines.OnDuckDbAsync(ConcurrentDuplicates);

    [PostgresFact]
    public Task Concurrent_duplicates_are_one_bronze_row_on_postgres() => Engines.OnPostgresAsync(ConcurrentDuplicates);

    [Fact]
    public Task An_invalid_event_is_named_by_field_and_the_others_are_accepted_on_duckdb() => Engines.OnDuckDbAsync(InvalidAmongValid);

    [PostgresFact]
    public Task An_invalid_event_is_named_by_field_and_the_others_are_accepted_on_postgres() => Engines.OnPostgresAsync(InvalidAmongValid);

    [Fact]
    public Task Bulk_acceptance_counts_new_duplicate_and_invalid_events_on_duckdb() => Engines.OnDuckDbAsync(BulkCounts);

    [PostgresFact]
    public Task Bulk_acceptance_counts_new_duplicate_and_invalid_events_on_postgres() => Engines.OnPostgresAsync(BulkCounts);

    [Fact]
    public async Task A_given_idempotency_key_decides_what_is_a_duplicate()
    {
        await using var warehouse = await PipelineWarehouse.DuckDbAsync();
        var first = await warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, [IncomingEvent.From(Order("o-1"), "delivery-7")]);
        var changedButSameKey = await warehouse.Pipeline.AcceptAsync(
            "webhook", EntityKind.Orders, [IncomingEvent.From(Order("o-1", Monday.AddHours(1)), "delivery-7")]);

        Assert.Equal(EventStatus.Accepted, first[0].Status);
        Assert.Equal(EventStatus.Duplicate, changedButSameKey[0].Status);
        Assert.Equal("delivery-7", await warehouse.ScalarAsync<string>("select idempotency_key from bronze.events"));
    }

    [Fact]
    public async Task Missing_and_mistyped_fields_are_reported_with_their_json_paths()
    {
        await using var warehouse = await PipelineWarehouse.DuckDbAsync();
        var missing = JsonSerializer.SerializeToElement(new { id = "o-1", updated_at = Monday, location_id = "loc-1" });
        var mistyped = JsonSerializer.SerializeToElement(new
        {
            id = "o-2", updated_at = Monday, location_id = "loc-1", ordered_at = Monday,
            line_items = new object[] { new { line_number = 1, quantity = "lots", unit_price = 1, line_total = 1 } },
        });
        var notAnObject = JsonSerializer.SerializeToElement(new[] { 1, 2 });

        var outcomes = await warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, [new(missing), new(mistyped), new(notAnObject)]);

        Assert.All(outcomes, outcome => Assert.Equal(EventStatus.Invalid, outcome.Status));
        Assert.Equal(["ordered_at", "line_items"], outcomes[0].Errors.Select(e => e.Field));
        Assert.Equal("line_items[0].quantity", Assert.Single(outcomes[1].Errors).Field);
        Assert.Equal("o-2", outcomes[1].Id);
        Assert.Equal("$", Assert.Single(outcomes[2].Errors).Field);
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
    }

    private static async Task SameEventThreeTimes(PipelineWarehouse warehouse)
    {
        var order = Order("o-1");
        var statuses = new List<EventStatus>();
        for (var i = 0; i < 3; i++)
            statuses.Add(Assert.Single(await warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, Incoming(order))).Status);
        var update = await warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, Incoming(order with { UpdatedAt = Monday.AddMinutes(5) }));

        Assert.Equal([EventStatus.Accepted, EventStatus.Duplicate, EventStatus.Duplicate], statuses);
        Assert.Equal(EventStatus.Accepted, Assert.Single(update).Status);
        var rows = await warehouse.QueryAsync<(string Key, string Hash, string Status)>(
            "select idempotency_key, content_hash, status from bronze.events order by event_id");
        Assert.Equal(2, rows.Count);
        Assert.Equal("webhook:orders:o-1:2026-03-02T15:00:00.0000000Z", rows[0].Key);
        Assert.Equal("webhook:orders:o-1:2026-03-02T15:05:00.0000000Z", rows[1].Key);
        Assert.NotEqual(rows[0].Hash, rows[1].Hash);
        Assert.All(rows, row => Assert.Equal("pending", row.Status));
    }

    private static async Task ConcurrentDuplicates(PipelineWarehouse warehouse)
    {
        var batch = Incoming(Order("o-1"), Order("o-2"), Order("o-3"));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, batch))));

        Assert.Equal(3L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
        var accepted = outcomes.SelectMany(o => o).Where(o => o.Status == EventStatus.Accepted).Select(o => o.Id).Order().ToList();
        Assert.Equal(["o-1", "o-2", "o-3"], accepted);
        Assert.Equal(21, outcomes.SelectMany(o => o).Count(o => o.Status == EventStatus.Duplicate));
    }

    private static async Task InvalidAmongValid(PipelineWarehouse warehouse)
    {
        var bad = Order("o-2", lines: [("sku-1", 1m, 10m), ("sku-2", 2m, 5m), ("sku-3", 1m, 3m)]);
        bad = bad with { LineItems = [.. bad.LineItems.Take(2), bad.LineItems[2] with { Quantity = -1 }] };

        var outcomes = await warehouse.Pipeline.AcceptAsync("webhook", EntityKind.Orders, Incoming(Order("o-1"), bad, Order("o-3")));

        Assert.Equal([EventStatus.Accepted, EventStatus.Invalid, EventStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Equal([0, 1, 2], outcomes.Select(o => o.Index));
        Assert.Equal("o-2", outcomes[1].Id);
        Assert.Contains(outcomes[1].Errors, e => e.Field == "line_items[2].quantity");
        Assert.Equal(["o-1", "o-3"], await warehouse.QueryAsync<string>("select external_id from bronze.events order by external_id"));
    }

    private static async Task BulkCounts(PipelineWarehouse warehouse)
    {
        await warehouse.Pipeline.AcceptAsync("csv", EntityKind.Orders, Incoming(Order("o-0")));
        var events = Enumerable.Range(0, 2_500).Select(i => IncomingEvent.From(Order($"o-{i}"))).ToList();
        events.Add(IncomingEvent.From(Order("o-5")));
        events.Add(IncomingEvent.From(Order("o-bad") with { Total = -1 }));
        var progress = new List<long>();

        var outcome = await warehouse.Pipeline.AcceptBulkAsync("csv", EntityKind.Orders, Stream(events), new SynchronousProgress(progress));
        var again = await warehouse.Pipeline.AcceptBulkAsync("csv", EntityKind.Orders, Stream(events));

        Assert.Equal((2_499L, 2L, 1L), (outcome.Accepted, outcome.Duplicates, outcome.Invalid));
        var rejected = Assert.Single(outcome.Rejected);
        Assert.Equal((2_501, "o-bad"), (rejected.Index, rejected.Id));
        Assert.Contains(rejected.Errors, error => error.Field == "total");
        Assert.Equal(2_502L, progress[^1]);
        Assert.Equal((0L, 2_501L, 1L), (again.Accepted, again.Duplicates, again.Invalid));
        Assert.Equal(2_500L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events"));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from bronze.event_staging"));
    }

    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
