using Northstar.Ingest.Demo;

namespace Northstar.Ingest.Tests.Demo;

// The generator counts while it generates; these tests recount from the records alone, the way a reader of the wire
// format would (local dates from each location's own time zone), so the two paths share no code.
public sealed class DemoTotalsTests
{
    [Fact]
    public void Orders_and_revenue_per_branch_per_month_agree_with_recounting_the_orders()
    {
        var data = DemoCompany.Generate(DemoFixtures.Small);
        var zones = data.Locations.ToDictionary(
            location => location.Id, location => TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone));

        var recount = data.Orders
            .GroupBy(order =>
            {
                var local = TimeZoneInfo.ConvertTime(order.OrderedAt, zones[order.LocationId]);
                return (order.LocationId, local.Year, local.Month);
            })
            .ToDictionary(
                group => group.Key,
                group => (Orders: group.LongCount(), Lines: group.Sum(order => (long)order.LineItems.Count),
                    Sales: group.Sum(order => order.Total), Refunded: group.Sum(order => order.RefundedAmount)));

        var totals = data.Totals;
        Assert.Equal(recount.Count, totals.Months.Count);
        Assert.True(totals.Months.Count >= 5 * 2, "two months or more for each of five branches");
        foreach (var month in totals.Months)
        {
            var expected = recount[(month.LocationId, month.Year, month.Month)];
            Assert.Equal(expected.Orders, month.Orders);
            Assert.Equal(expected.Lines, month.Lines);
            Assert.Equal(expected.Sales, month.Sales);
            Assert.Equal(expected.Refunded, month.Refunded);
            Assert.Equal(expected.Sales - expected.Refunded, month.Revenue);
        }

        Assert.Equal(recount.Values.Sum(month => month.Orders), totals.Orders);
        Assert.Equal(recount.Values.Sum(month => month.Sales - month.Refunded), totals.Revenue);
        Assert.Equal(data.Orders.LongCount(order => order.RefundedAt is not null), totals.RefundedOrders);
    }

    [Fact]
    public void Pipeline_counts_and_defects_agree_with_recounting_the_records()
    {
        var data = DemoCompany.Generate(DemoFixtures.Small);
        var appointments = data.Appointments.ToList();
        var jobs = data.Jobs.ToList();
        var spend = data.MarketingSpend.ToList();
        var jobAppointments = jobs.Select(job => job.AppointmentId).ToHashSet();

        var totals = data.Totals;
        Assert.Equal(data.Locations.LongCount(), totals.Locations);
        Assert.Equal(data.Employees.LongCount(), totals.Employees);
        Assert.Equal(data.Products.LongCount(), totals.Products);
        Assert.Equal(data.Customers.Select(customer => customer.Id).Distinct().LongCount(), totals.Customers);
        Assert.Equal(data.Customers.LongCount(), totals.CustomerVersions);
        Assert.Equal(data.Campaigns.LongCount(), totals.Campaigns);
        Assert.Equal(data.Leads.LongCount(), totals.Leads);
        Assert.Equal(appointments.Count, totals.Appointments);
        Assert.Equal(jobs.Count, totals.Jobs);
        Assert.Equal(data.Tickets.LongCount(), totals.Tickets);
        Assert.Equal(data.Calls.LongCount(), totals.Calls);
        Assert.Equal(data.CanvassDoors.LongCount(), totals.CanvassDoors);
        Assert.Equal(spend.Count, totals.MarketingSpendRows);
        Assert.Equal(spend.Sum(row => row.Amount), totals.MarketingSpend);
        foreach (var (outcome, count) in totals.AppointmentOutcomes)
        {
            Assert.Equal(appointments.LongCount(appointment => appointment.Outcome == outcome), count);
        }

        Assert.Equal(appointments.Count, totals.AppointmentOutcomes.Values.Sum());
        Assert.Equal(
            appointments.LongCount(appointment => appointment.Outcome == "sold" && !jobAppointments.Contains(appointment.Id)),
            totals.GhostAppointments);
        Assert.Equal(
            jobs.LongCount(job => job.CommissionSplits!.Sum(split => split.Share) != 1m),
            totals.UnbalancedCommissionJobs);
    }
}
