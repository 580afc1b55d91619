namespace Northstar.Ingest.Demo.Internal;

/// <summary>Counts what the generator produces, branch-day by branch-day, as it generates it.</summary>
internal static class TotalsCounter
{
    private sealed class Month
    {
        public long Orders;
        public long Lines;
        public decimal Sales;
        public decimal Refunded;
    }

    public static DemoTotals Count(DemoModel model)
    {
        var options = model.Options;
        var months = new SortedDictionary<(int Branch, int Year, int Month), Month>();
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long orders = 0, lines = 0, refundedOrders = 0, leads = 0, appointments = 0, jobs = 0, tickets = 0, calls = 0, doors = 0;
        long spendRows = 0, ghosts = 0, unbalanced = 0;
        decimal sales = 0, refunded = 0, spend = 0;
        for (var dayIndex = 0; dayIndex < options.Days; dayIndex++)
        {
            var day = model.Day(dayIndex);
            for (var branch = 0; branch < model.Branches.Count; branch++)
            {
                if (!months.TryGetValue((branch, day.Year, day.Month), out var month))
                {
                    months[(branch, day.Year, day.Month)] = month = new Month();
                }

                foreach (var order in OrderDay.Generate(model, dayIndex, branch))
                {
                    month.Orders++;
                    month.Lines += order.LineItems.Count;
                    month.Sales += order.Total;
                    month.Refunded += order.RefundedAmount;
                    refundedOrders += order.RefundedAt is null ? 0 : 1;
                }

                var pipeline = PipelineDay.Generate(model, dayIndex, branch);
                leads += pipeline.Leads.Count;
                appointments += pipeline.Appointments.Count;
                jobs += pipeline.Jobs.Count;
                tickets += pipeline.Tickets.Count;
                calls += pipeline.Calls.Count;
                doors += pipeline.Doors.Count;
                spendRows += pipeline.Spend.Count;
                spend += pipeline.Spend.Sum(row => row.Amount);
                ghosts += pipeline.GhostAppointments;
                unbalanced += pipeline.UnbalancedCommissionJobs;
                foreach (var appointment in pipeline.Appointments)
                {
                    outcomes[appointment.Outcome] = outcomes.GetValueOrDefault(appointment.Outcome) + 1;
                }
            }
        }

        foreach (var month in months.Values)
        {
            orders += month.Orders;
            lines += month.Lines;
            sales += month.Sales;
            refunded += month.Refunded;
        }

        var customers = model.Customers.All.ToList();
        return new DemoTotals
        {
            Locations = model.Branches.Count,
            Employees = model.Staff.Members.Count,
            Products = model.Catalog.Products.Count,
            Customers = customers.Count,
            CustomerVersions = customers.Count + customers.Count(customer => customer.ProFromIndex is not null),
            Campaigns = model.Campaigns.All.Count,
            Orders = orders,
            OrderLines = lines,
            RefundedOrders = refundedOrders,
            Sales = sales,
            Refunded = refunded,
            Months = [.. months.Select(pair => new DemoMonthTotals(
                model.Branches[pair.Key.Branch].Id, pair.Key.Year, pair.Key.Month, pair.Value.Orders, pair.Value.Lines,
                pair.Value.Sales, pair.Value.Refunded))],
            Leads = leads,
            Appointments = appointments,
            AppointmentOutcomes = outcomes,
            Jobs = jobs,
            Tickets = tickets,
            Calls = calls,
            CanvassDoors = doors,
            MarketingSpendRows = spendRows,
            MarketingSpend = spend,
            GhostAppointments = ghosts,
            UnbalancedCommissionJobs = unbalanced,
        };
    }
}
