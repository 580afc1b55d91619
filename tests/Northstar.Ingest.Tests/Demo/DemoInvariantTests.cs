using Northstar.Ingest.Demo;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Demo;

public sealed class DemoInvariantTests
{
    private static readonly string[] Channels = ["canvassing", "telemarketing", "web", "referral", "tv", "direct_mail"];
    private static readonly string[] Outcomes = ["set", "confirmed", "sat", "no_show", "sold", "cancelled"];

    // The latest instant anything may have happened: the end of "today" in the westernmost branch (Pacific time).
    private static readonly DateTimeOffset EndOfToday =
        new(DemoFixtures.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-8));

    private readonly DemoData _data = DemoCompany.Generate(DemoFixtures.Small);

    [Fact]
    public void Every_id_is_unique_within_its_entity_and_customer_versions_differ_in_time()
    {
        foreach (var kind in Enum.GetValues<EntityKind>().Where(kind => kind != EntityKind.Customers))
        {
            var ids = _data.Of(kind).Select(record => record.Id).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        var versions = _data.Customers.Select(customer => (customer.Id, customer.UpdatedAt)).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public void Every_order_adds_up_and_points_at_real_branches_customers_cashiers_and_products()
    {
        var locations = _data.Locations.Select(location => location.Id).ToHashSet();
        var customers = _data.Customers.Select(customer => customer.Id).ToHashSet();
        var cashiers = _data.Employees.Where(employee => employee.Role == "cashier").Select(employee => employee.Id).ToHashSet();
        var products = _data.Products.Select(product => product.Id).ToHashSet();
        var count = 0;
        foreach (var order in _data.Orders)
        {
            OrderInvariants.Check(order);
            Assert.Contains(order.LocationId, locations);
            Assert.True(order.CustomerId is null || customers.Contains(order.CustomerId), order.Id);
            Assert.Contains(order.EmployeeId!, cashiers);
            Assert.All(order.LineItems, line => Assert.Contains(line.ProductId!, products));
            Assert.True(order.UpdatedAt <= EndOfToday, order.Id);
            count++;
        }

        Assert.True(count > 20_000);
    }

    [Fact]
    public void Products_sell_above_cost_and_employees_work_at_a_branch()
    {
        Assert.All(_data.Products, product => Assert.True(product.UnitCost > 0 && product.UnitCost < product.UnitPrice, product.Id));
        var locations = _data.Locations.Select(location => location.Id).ToHashSet();
        Assert.All(_data.Employees, employee =>
        {
            Assert.Contains(employee.LocationId!, locations);
            Assert.Equal(employee.TerminatedOn is null, employee.IsActive);
        });
        Assert.Equal(8, _data.Products.Select(product => product.Category).Distinct().Count());
        Assert.Equal(8, _data.Employees.Select(employee => employee.Role).Distinct().Count());
    }

    [Fact]
    public void The_pipeline_links_doors_calls_leads_appointments_jobs_and_tickets_consistently()
    {
        var campaigns = _data.Campaigns.ToDictionary(campaign => campaign.Id);
        var leads = _data.Leads.ToDictionary(lead => lead.Id);
        var appointments = _data.Appointments.ToDictionary(appointment => appointment.Id);

        Assert.All(leads.Values, lead =>
        {
            Assert.Contains(lead.Channel, Channels);
            Assert.Equal(lead.Channel, campaigns[lead.CampaignId!].Channel);
            Assert.True(lead.UpdatedAt >= lead.CreatedAt && lead.UpdatedAt <= EndOfToday, lead.Id);
        });
        Assert.All(
            _data.CanvassDoors.Where(door => door.LeadId is not null), door => Assert.Equal("canvassing", leads[door.LeadId!].Channel));
        Assert.All(_data.Calls.Where(call => call.LeadId is not null), call => Assert.Equal("telemarketing", leads[call.LeadId!].Channel));
        Assert.All(appointments.Values, appointment =>
        {
            Assert.Contains(appointment.Outcome, Outcomes);
            Assert.True(appointment.ScheduledAt > appointment.CreatedAt, appointment.Id);
            Assert.Equal(appointment.Outcome is not ("set" or "confirmed"), appointment.OutcomeAt is not null);
            Assert.True(appointment.OutcomeAt is null || appointment.OutcomeAt <= EndOfToday, appointment.Id);
            var lead = leads[appointment.LeadId!];
            Assert.Equal(appointment.Outcome == "sold", lead.Status == "won");
        });
        Assert.All(_data.Jobs, job =>
        {
            Assert.Equal("sold", appointments[job.AppointmentId!].Outcome);
            Assert.True(job.SoldAmount >= 1500, job.Id);
            Assert.All(job.CommissionSplits!, split => Assert.InRange(split.Share, 0.01m, 1m));
            Assert.True(job.ProductionCompletedAt is null || job.ProductionCompletedAt > job.ProductionStartedAt, job.Id);
            Assert.Equal(job.Stage == "completed", job.ProductionCompletedAt is not null);
        });
        Assert.All(_data.Tickets, ticket =>
        {
            Assert.True(ticket.ResolvedAt is null || ticket.ResolvedAt > ticket.OpenedAt, ticket.Id);
            Assert.True(ticket.Satisfaction is null || ticket.Satisfaction is >= 1 and <= 5, ticket.Id);
            Assert.True(ticket.Satisfaction is null || ticket.Status is "resolved" or "closed", ticket.Id);
        });
        Assert.All(_data.MarketingSpend, spend =>
        {
            Assert.True(spend.Amount > 0, spend.Id);
            Assert.Equal(spend.Channel, campaigns[spend.CampaignId!].Channel);
        });
        Assert.Equal(Channels.Order(), _data.Leads.Select(lead => lead.Channel).Distinct().Order());
        Assert.Equal(Outcomes.Order(), appointments.Values.Select(appointment => appointment.Outcome).Distinct().Order());
    }
}
