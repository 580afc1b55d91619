using Northstar.Ingest.Demo;

namespace Northstar.Ingest.Tests.Demo;

public sealed class DemoLiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Live_events_happen_by_now_with_fresh_ids_and_valid_orders()
    {
        var data = DemoCompany.Generate(DemoFixtures.Small);
        var random = new Random(1);
        var batches = Enumerable.Range(0, 50).Select(i => data.LiveEvents(Now.AddSeconds(i), random)).ToList();
        var historyIds = data.Orders.Select(order => order.Id).ToHashSet();
        var products = data.Products.Select(product => product.Id).ToHashSet();

        var orders = batches.SelectMany(batch => batch.Orders).ToList();
        Assert.InRange(orders.Count, 50, 150);
        Assert.Equal(orders.Count, orders.Select(order => order.Id).Distinct().Count());
        Assert.All(orders, order =>
        {
            OrderInvariants.Check(order);
            Assert.DoesNotContain(order.Id, historyIds);
            Assert.True(order.ClosedAt <= Now.AddSeconds(50) && order.OrderedAt >= Now.AddMinutes(-10), order.Id);
            Assert.All(order.LineItems, line => Assert.Contains(line.ProductId!, products));
        });

        var leads = batches.SelectMany(batch => batch.Leads).ToDictionary(lead => lead.Id);
        Assert.NotEmpty(leads);
        Assert.All(batches.SelectMany(batch => batch.Appointments), appointment =>
        {
            Assert.Equal("appointment_set", leads[appointment.LeadId!].Status);
            Assert.True(appointment.ScheduledAt > Now, appointment.Id);
        });
    }

    [Fact]
    public void Two_live_calls_at_the_same_instant_never_reuse_an_id()
    {
        var first = DemoCompany.LiveEvents(DemoFixtures.Small, Now, new Random(1));
        var second = DemoCompany.LiveEvents(DemoFixtures.Small, Now, new Random(2));

        Assert.Empty(first.Orders.Select(order => order.Id).Intersect(second.Orders.Select(order => order.Id)));
    }
}
