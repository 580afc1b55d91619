using System.Text.Json;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using Northstar.Testing;
using static Northstar.Ingest.Tests.Pipeline.TestEvents;

namespace Northstar.Ingest.Tests.Pipeline;

public sealed class PipelineProcessingTests
{
    [Fact]
    public Task Gold_totals_equal_plain_sums_over_the_events_sent_on_duckdb() => Engines.OnDuckDbAsync(GoldTotals);

    [PostgresFact]
    public Task Gold_totals_equal_plain_sums_over_the_events_sent_on_postgres() => Engines.OnPostgresAsync(GoldTotals);

    [Fact]
    public Task Out_of_order_updates_converge_on_the_newest_on_duckdb() => Engines.OnDuckDbAsync(OutOfOrder);

    [PostgresFact]
    public Task Out_of_order_updates_converge_on_the_newest_on_postgres() => Engines.OnPostgresAsync(OutOfOrder);

    [Fact]
    public Task A_branch_change_makes_a_second_customer_version_of_the_same_number_and_facts_point_at_theirs_on_duckdb() => Engines.OnDuckDbAsync(CustomerHistory);

    [PostgresFact]
    public Task A_branch_change_makes_a_second_customer_version_of_the_same_number_and_facts_point_at_theirs_on_postgres() => Engines.OnPostgresAsync(CustomerHistory);

    [Fact]
    public Task Refunds_are_negative_lines_on_the_refund_day_on_duckdb() => Engines.OnDuckDbAsync(Refunds);

    [PostgresFact]
    public Task Refunds_are_negative_lines_on_the_refund_day_on_postgres() => Engines.OnPostgresAsync(Refunds);

    [Fact]
    public Task Facts_of_a_late_dimension_are_fixed_up_when_it_arrives_on_duckdb() => Engines.OnDuckDbAsync(LateDimension);

    [PostgresFact]
    public Task Facts_of_a_late_dimension_are_fixed_up_when_it_arrives_on_postgres() => Engines.OnPostgresAsync(LateDimension);

    [Fact]
    public Task A_job_takes_the_channel_of_its_appointments_lead_even_when_the_lead_arrives_later_on_duckdb() =>
        Engines.OnDuckDbAsync(JobChannel);

    [PostgresFact]
    public Task A_job_takes_the_channel_of_its_appointments_lead_even_when_the_lead_arrives_later_on_postgres() =>
        Engines.OnPostgresAsync(JobChannel);

    [Fact]
    public Task Rejected_events_are_visible_through_quality_on_duckdb() => Engines.OnDuckDbAsync(Rejections);

    [PostgresFact]
    public Task Rejected_events_are_visible_through_quality_on_postgres() => Engines.OnPostgresAsync(Rejections);

    [Fact]
    public Task Processing_is_incremental_and_raises_data_changed_for_what_it_touched_on_duckdb() => Engines.OnDuckDbAsync(Incremental);

    [PostgresFact]
    public Task Processing_is_incremental_and_raises_data_changed_for_what_it_touched_on_postgres() => Engines.OnPostgresAsync(Incremental);

    [Fact]
    public Task A_new_customer_changes_the_days_of_its_orders_and_a_changed_one_every_date_on_duckdb() => Engines.OnDuckDbAsync(NewAndChangedMembers);

    [PostgresFact]
    public Task A_new_customer_changes_the_days_of_its_orders_and_a_changed_one_every_date_on_postgres() => Engines.OnPostgresAsync(NewAndChangedMembers);

    [PostgresFact]
    public async Task Two_nodes_processing_at_once_apply_each_event_once_on_postgres()
    {
        await using var warehouse = await PipelineWarehouse.PostgresAsync();
        using var otherNode = new IngestPipeline(warehouse.Warehouse, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await warehouse.Pipeline.AcceptBulkAsync("test", EntityKind.Orders, Stream(Enumerable.Range(0, 3_000).Select(i => IncomingEvent.From(Order($"o-{i}")))));

        var reports = await Task.WhenAll(
            Task.Run(() => warehouse.Pipeline.ProcessPendingAsync()), Task.Run(() => otherNode.ProcessPendingAsync()));

        Assert.Equal(3_000L, reports.Sum(r => r.TotalProcessed));
        Assert.Equal(3_000L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_sales"));
        Assert.Equal(30_000m, await warehouse.ScalarAsync<decimal>("select sum(net_amount) from gold.fact_sales"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select version from app.data_versions where subject = 'sales'"));
    }

    private static async Task GoldTotals(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-1"), Location("loc-2", "America/Los_Angeles")));
        await pipeline.AcceptAsync("test", EntityKind.Products, Incoming(Product("p-1", 10m, 4m), Product("p-2", 2.5m, 1m), Product("p-3", 99.99m, 50m)));
        await pipeline.AcceptAsync("test", EntityKind.Employees, Incoming(new EmployeeEvent("e-1", Monday, "Ann", "sales_rep", LocationId: "loc-1"),
            new EmployeeEvent("e-2", Monday, "Bob", "setter", LocationId: "loc-2")));
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-1", "loc-1", Monday.AddDays(-30))));
        var random = new Random(7);
        var orders = Enumerable.Range(0, 60).Select(i => Order(
            $"o-{i}", locationId: i % 2 == 0 ? "loc-1" : "loc-2", orderedAt: Monday.AddHours(i * 5), customerId: i % 3 == 0 ? "c-1" : null,
            lines: [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => ($"p-{1 + random.Next(3)}", (decimal)(1 + random.Next(3)), new[] { 10m, 2.5m, 99.99m }[random.Next(3)]))]))
            .ToList();
        orders[4] = orders[4] with { State = "cancelled" };
        await pipeline.AcceptBulkAsync("test", EntityKind.Orders, Stream(orders.Select(o => IncomingEvent.From(o))));
        await pipeline.AcceptAsync("test", EntityKind.Campaigns, Incoming(new CampaignEvent("cmp-1", Monday, "Spring", "google_ads")));
        await pipeline.AcceptAsync("test", EntityKind.Leads, Incoming(new LeadEvent("l-1", Monday, "google_ads", Monday, "won", "c-1", "loc-1", "e-1", "cmp-1", Monday.AddDays(2))));
        await pipeline.AcceptAsync("test", EntityKind.Appointments, Incoming(new AppointmentEvent("a-1", Monday, Monday.AddDays(1), Monday, "sold", "l-1", "c-1", "loc-1", "e-2", "e-1")));
        await pipeline.AcceptAsync("test", EntityKind.Jobs, Incoming(new JobEvent("j-1", Monday, 12_000m, Monday.AddDays(1), "completed", "a-1", "c-1", "loc-1", "e-1",
            Monday.AddDays(3), Monday.AddDays(10), CommissionSplits: [new("e-1", 0.6m), new("e-2", 0.4m)])));
        await pipeline.AcceptAsync("test", EntityKind.Tickets, Incoming(new TicketEvent("t-1", Monday, Monday, "resolved", FirstResponseAt: Monday.AddMinutes(30), ResolvedAt: Monday.AddHours(5), Satisfaction: 4, LocationId: "loc-2")));
        await pipeline.AcceptAsync("test", EntityKind.Calls, Incoming(new CallEvent("call-1", Monday, Monday, "appointment_set", DurationSeconds: 300, AgentEmployeeId: "e-2", LocationId: "loc-2")));
        await pipeline.AcceptAsync("test", EntityKind.CanvassDoors, Incoming(new CanvassDoorEvent("d-1", Monday, Monday, "lead", "e-1", "loc-1", Latitude: 40.7m, Longitude: -74m)));
        await pipeline.AcceptAsync("test", EntityKind.MarketingSpend, Incoming(new MarketingSpendEvent("s-1", Monday, new DateOnly(2026, 3, 2), "google_ads", 250m, "cmp-1", "loc-1", 1000, 50)));

        var report = await pipeline.ProcessPendingAsync();

        var kept = orders.Where(o => o.State != "cancelled").ToList();
        Assert.Equal(60L, report.Processed[EntityKind.Orders]);
        Assert.Equal(0L, report.Rejected);
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events where status <> 'processed'"));
        Assert.Equal(kept.Sum(o => o.LineItems.Sum(l => l.LineTotal)), await warehouse.ScalarAsync<decimal>("select sum(net_amount) from gold.fact_sales"));
        Assert.Equal(kept.Sum(o => o.LineItems.Count), await warehouse.ScalarAsync<long>("select count(*) from gold.fact_sales"));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_sales where location_key = 0 or product_key = 0 or channel_key = 0"));
        Assert.Equal(60L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_orders"));
        Assert.Equal(orders.Count(o => o.CustomerId is not null), await warehouse.ScalarAsync<long>("select count(*) from gold.fact_orders where customer_key <> 0"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_orders where is_first_order"));
        Assert.Equal("won|1", await warehouse.ScalarAsync<string>("select status || '|' || cast(count(*) as text) from gold.fact_leads where campaign_key <> 0 and is_converted group by status"));
        Assert.Equal(7, await warehouse.ScalarAsync<int>("select production_days from gold.fact_jobs where employee_key <> 0"));
        Assert.Equal(12_000m, await warehouse.ScalarAsync<decimal>("select sum(credited_amount) from gold.fact_job_commissions where employee_key <> 0"));
        Assert.Equal("1800|18000", await warehouse.ScalarAsync<string>("select cast(first_response_seconds as text) || '|' || cast(resolution_seconds as text) from gold.fact_tickets"));
        Assert.Equal(300L, await warehouse.ScalarAsync<long>("select sum(duration_seconds) from gold.fact_calls where employee_key <> 0"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_canvass where employee_key <> 0 and location_key <> 0"));
        Assert.Equal(250m, await warehouse.ScalarAsync<decimal>("select sum(amount) from gold.fact_marketing_spend where campaign_key <> 0 and channel_key <> 0"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_appointments where set_by_employee_key <> 0 and campaign_key <> 0"));
        // 15:00 UTC on 2 March is 10:00 in New York and 07:00 in Los Angeles.
        Assert.Equal("20260302|10", await warehouse.ScalarAsync<string>("select cast(date_key as text) || '|' || cast(local_hour as text) from gold.fact_orders where order_id = 'o-0'"));
        Assert.Equal("20260302|7", await warehouse.ScalarAsync<string>("select cast(date_key as text) || '|' || cast(local_hour as text) from gold.fact_calls"));
    }

    private static async Task OutOfOrder(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        var v1 = Order("o-1", Monday, lines: [("p-1", 1m, 10m)]);
        var v2 = Order("o-1", Monday.AddHours(1), lines: [("p-1", 2m, 10m), ("p-2", 1m, 5m)]);
        var v3 = Order("o-1", Monday.AddHours(2), lines: [("p-1", 3m, 10m)]) with { State = "fulfilled" };

        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(v3, v1));
        await pipeline.ProcessPendingAsync();
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(v2));
        await pipeline.ProcessPendingAsync();

        Assert.Equal("fulfilled|30.00", await warehouse.ScalarAsync<string>("select state || '|' || cast(subtotal as text) from silver.orders"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select count(*) from silver.order_lines"));
        Assert.Equal(30m, await warehouse.ScalarAsync<decimal>("select sum(net_amount) from gold.fact_sales"));
        Assert.Equal(3L, await warehouse.ScalarAsync<long>("select count(*) from bronze.events where status = 'processed'"));

        // A newer version with fewer lines removes the line it no longer has.
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-2", Monday, lines: [("p-1", 1m, 10m), ("p-2", 1m, 5m)])));
        await pipeline.ProcessPendingAsync();
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-2", Monday.AddHours(1), lines: [("p-2", 1m, 5m)])));
        await pipeline.ProcessPendingAsync();
        Assert.Equal(5m, await warehouse.ScalarAsync<decimal>("select sum(net_amount) from gold.fact_sales where order_id = 'o-2'"));
    }

    private static async Task CustomerHistory(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        var moved = Monday.AddDays(10);
        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-1"), Location("loc-2")));
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-1", "loc-1", Monday)));
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(
            Order("before-first", orderedAt: Monday.AddDays(-5), customerId: "c-1"),
            Order("before-move", orderedAt: Monday.AddDays(1), customerId: "c-1")));
        await pipeline.ProcessPendingAsync();
        // The move arrives, then a late name change that happened before it (not a tracked attribute).
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-1", "loc-2", moved)));
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("after-move", orderedAt: moved.AddDays(1), customerId: "c-1")));
        await pipeline.ProcessPendingAsync();
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-1", "loc-1", Monday.AddDays(2)) with { Name = "Renamed" }));
        await pipeline.ProcessPendingAsync();

        var versions = await warehouse.QueryAsync<(long Key, string Home, string Name, long From, long To, bool Current)>("""
            select customer_key, home_location_id, name, cast(extract(epoch from valid_from) as bigint),
                   cast(extract(epoch from valid_to) as bigint), is_current
            from silver.customers order by valid_from
            """);
        Assert.Equal(2, versions.Count);
        Assert.Equal(("loc-1", "Renamed", Monday.ToUnixTimeSeconds(), moved.ToUnixTimeSeconds(), false),
            (versions[0].Home, versions[0].Name, versions[0].From, versions[0].To, versions[0].Current));
        Assert.Equal(("loc-2", moved.ToUnixTimeSeconds(), true), (versions[1].Home, versions[1].From, versions[1].Current));
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("select count(*) from gold.dim_customer where customer_id = 'c-1' and home_location_key <> 0"));
        var keys = (await warehouse.QueryAsync<(string Order, long Key)>("select order_id, customer_key from gold.fact_orders order by ordered_at"))
            .ToDictionary(row => row.Order, row => row.Key);
        Assert.Equal(versions[0].Key, keys["before-first"]);
        Assert.Equal(versions[0].Key, keys["before-move"]);
        Assert.Equal(versions[1].Key, keys["after-move"]);

        // Every version carries the customer's number, kept through the three batches that rewrote its history; the
        // next customer gets another; the unknown customer's is 0.
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-2", "loc-1", Monday)));
        await pipeline.ProcessPendingAsync();
        var numbers = await warehouse.QueryAsync<(string Customer, long Number)>(
            "select customer_id, customer_number from gold.dim_customer order by customer_key");
        Assert.Equal(4, numbers.Count);
        Assert.Equal(("unknown", 0L), numbers[0]);
        var first = Assert.Single(numbers.Where(row => row.Customer == "c-1").Select(row => row.Number).Distinct());
        var second = Assert.Single(numbers.Where(row => row.Customer == "c-2").Select(row => row.Number).Distinct());
        Assert.NotEqual(0L, first);
        Assert.NotEqual(0L, second);
        Assert.NotEqual(first, second);
    }

    private static async Task Refunds(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        var refundedAt = new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero); // 4 March, 22:00 in New York
        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-1")));
        var order = Order("o-1", lines: [("p-1", 2m, 30m), ("p-2", 1m, 40m)]);
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(order));
        await pipeline.ProcessPendingAsync();
        var refund = order with
        {
            UpdatedAt = refundedAt.AddHours(1),
            State = "partially_refunded",
            RefundedAmount = 45m,
            RefundedAt = refundedAt,
            LineItems = [order.LineItems[0], order.LineItems[1] with { RefundedAmount = 40m }],
        };
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(refund));
        await pipeline.ProcessPendingAsync();

        var byDay = await warehouse.QueryAsync<(int DateKey, decimal Net)>("select date_key, sum(net_amount) from gold.fact_sales group by date_key order by date_key");
        Assert.Equal([(20260302, 100m), (20260304, -45m)], byDay);
        Assert.Equal(55m, await warehouse.ScalarAsync<decimal>("select sum(net_amount) from gold.fact_sales"));
        Assert.Equal(-1m, await warehouse.ScalarAsync<decimal>("select sum(quantity) from gold.fact_sales where order_line_id = 'o-1:2:refund'"));
        Assert.Equal(55m, await warehouse.ScalarAsync<decimal>("select net_amount from gold.fact_orders"));
    }

    private static async Task LateDimension(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-1", locationId: "loc-9", orderedAt: Monday.AddHours(-10), lines: [("p-9", 1m, 10m)])));
        await pipeline.AcceptAsync("test", EntityKind.Calls, Incoming(new CallEvent("call-1", Monday, Monday, "answered", LocationId: "loc-9")));
        await pipeline.ProcessPendingAsync();
        Assert.Equal("0|0|20260302", await warehouse.ScalarAsync<string>(
            "select cast(location_key as text) || '|' || cast(product_key as text) || '|' || cast(date_key as text) from gold.fact_sales"));

        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-9", "America/Los_Angeles")));
        await pipeline.AcceptAsync("test", EntityKind.Products, Incoming(Product("p-9")));
        var report = await pipeline.ProcessPendingAsync();

        // 05:00 UTC on 2 March is 21:00 on 1 March in Los Angeles.
        Assert.Equal("1|1|20260301|21", await warehouse.ScalarAsync<string>(
            "select cast(location_key as text) || '|' || cast(product_key as text) || '|' || cast(date_key as text) || '|' || cast(local_hour as text) from gold.fact_sales"));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_orders where location_key = 0"));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_calls where location_key = 0"));
        Assert.Equal(2L, report.TotalProcessed);
    }

    private static async Task JobChannel(PipelineWarehouse warehouse)
    {
        const string JobsChannel = """
            select ch.channel_code from gold.fact_jobs j join gold.dim_channel ch on ch.channel_key = j.channel_key where j.job_id = 'j-1'
            """;
        var pipeline = warehouse.Pipeline;
        await pipeline.AcceptAsync("test", EntityKind.Jobs, Incoming(new JobEvent("j-1", Monday, 5_000m, Monday, AppointmentId: "a-1")));
        await pipeline.AcceptAsync("test", EntityKind.Appointments, Incoming(new AppointmentEvent("a-1", Monday, Monday.AddDays(-2), Monday.AddDays(-5), LeadId: "l-1")));
        await pipeline.ProcessPendingAsync();
        Assert.Equal("unknown", await warehouse.ScalarAsync<string>(JobsChannel));

        await pipeline.AcceptAsync("test", EntityKind.Leads, Incoming(new LeadEvent("l-1", Monday, "tv", Monday.AddDays(-9))));
        await pipeline.ProcessPendingAsync();
        Assert.Equal("tv", await warehouse.ScalarAsync<string>(JobsChannel));

        // The lead is corrected to another channel: the job follows.
        await pipeline.AcceptAsync("test", EntityKind.Leads, Incoming(new LeadEvent("l-1", Monday.AddHours(1), "direct_mail", Monday.AddDays(-9))));
        await pipeline.ProcessPendingAsync();
        Assert.Equal("direct_mail", await warehouse.ScalarAsync<string>(JobsChannel));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_jobs"));
    }

    private static async Task Rejections(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-good")));
        var unvalidated = JsonSerializer.Serialize(new { id = "o-bad", updated_at = Monday, location_id = "loc-1", line_items = Array.Empty<object>() });
        await warehouse.ExecuteAsync($"""
            insert into bronze.events (source, entity, external_id, idempotency_key, content_hash, payload)
            values ('legacy', 'orders', 'o-bad', 'legacy-1', '{new string('a', 64)}', '{unvalidated}'),
                   ('legacy', 'invoices', 'i-1', 'legacy-2', '{new string('b', 64)}', '{"{"}"id": "i-1"{"}"}')
            """);

        var report = await pipeline.ProcessPendingAsync();
        var issues = await pipeline.QualityAsync();

        Assert.Equal(2L, report.Rejected);
        Assert.Equal(1L, report.TotalProcessed);
        Assert.Equal(2, issues.Count);
        Assert.Contains(issues, issue => issue is { Entity: "orders", ExternalId: "o-bad", Source: "legacy" } && issue.Reason.Contains("ordered_at is required", StringComparison.Ordinal));
        Assert.Contains(issues, issue => issue is { Entity: "invoices", Reason: "unknown entity invoices" });
        Assert.Equal(["failed|o-bad", "failed|i-1", "processed|o-good"], await warehouse.QueryAsync<string>(
            "select status || '|' || external_id from bronze.events order by status, idempotency_key"));
        Assert.Equal("o-good", await warehouse.ScalarAsync<string>("select order_id from gold.fact_orders"));
    }

    private static async Task NewAndChangedMembers(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        var changes = new List<DataChange>();
        pipeline.DataChanged += changes.Add;
        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-1")));
        await pipeline.ProcessPendingAsync();

        // A new customer with its first order, and a new product: only the order's day changed.
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-new", "loc-1", Monday)));
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-1", orderedAt: Monday.AddDays(2), customerId: "c-new")));
        await pipeline.ProcessPendingAsync();
        var day = DateOnly.FromDateTime(await warehouse.ScalarAsync<DateTime>("select cast(local_date as timestamp) from gold.fact_orders"));
        Assert.Equal(new DateOnly(2026, 3, 4), day);
        Assert.Equal((day, day), (changes[^1].From, changes[^1].To));
        Assert.Contains("sales", changes[^1].Subjects);

        // A customer who arrives after the order that names them: the order is re-derived, its day changed.
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-2", orderedAt: Monday.AddDays(5), customerId: "c-late")));
        await pipeline.ProcessPendingAsync();
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-late", "loc-1", Monday)));
        await pipeline.ProcessPendingAsync();
        Assert.Equal((day.AddDays(3), day.AddDays(3)), (changes[^1].From, changes[^1].To));
        Assert.NotEqual(0L, await warehouse.ScalarAsync<long>("select customer_key from gold.fact_orders where order_id = 'o-2'"));

        // A customer who existed changes segment: what questions group by may have changed on every date.
        await pipeline.AcceptAsync("test", EntityKind.Customers, Incoming(Customer("c-new", "loc-1", Monday.AddDays(1), segment: "trade")));
        await pipeline.ProcessPendingAsync();
        Assert.Equal((DateOnly.MinValue, DateOnly.MaxValue), (changes[^1].From, changes[^1].To));
        Assert.Contains("sales", changes[^1].Subjects);
    }

    private static async Task Incremental(PipelineWarehouse warehouse)
    {
        var pipeline = warehouse.Pipeline;
        var changes = new List<DataChange>();
        pipeline.DataChanged += changes.Add;
        await pipeline.AcceptAsync("test", EntityKind.Locations, Incoming(Location("loc-1")));
        await pipeline.AcceptAsync("test", EntityKind.Orders, Incoming(Order("o-1", orderedAt: Monday), Order("o-2", orderedAt: Monday.AddDays(3))));
        var first = await pipeline.ProcessPendingAsync();
        var loadedAt = await warehouse.ScalarAsync<string>("select cast(loaded_at as text) from silver.orders where order_id = 'o-1'");

        var idle = await pipeline.ProcessPendingAsync();
        await pipeline.AcceptAsync("test", EntityKind.Calls, Incoming(new CallEvent("call-1", Monday, Monday.AddDays(7), "answered", LocationId: "loc-1")));
        var second = await pipeline.ProcessPendingAsync();

        Assert.Equal(3L, first.TotalProcessed);
        Assert.Equal(0L, idle.TotalProcessed);
        Assert.Empty(idle.Changes);
        Assert.Equal(1L, second.Processed[EntityKind.Calls]);
        Assert.False(second.Processed.ContainsKey(EntityKind.Orders));
        Assert.Equal(loadedAt, await warehouse.ScalarAsync<string>("select cast(loaded_at as text) from silver.orders where order_id = 'o-1'"));
        Assert.Equal(2, changes.Count);
        Assert.Contains("sales", changes[0].Subjects);
        Assert.Equal(["telemarketing"], changes[1].Subjects);
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 9)), (changes[1].From, changes[1].To));
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("select version from app.data_versions where subject = 'telemarketing'"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("select version from app.data_versions where subject = 'sales'"));
    }
}
