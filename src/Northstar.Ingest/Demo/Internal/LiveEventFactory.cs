using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>New events at a given instant for the live demo: one to three orders, and sometimes a lead with an appointment.</summary>
internal static class LiveEventFactory
{
    private static readonly string[] LeadChannels = [Campaigns.Web, Campaigns.Referral, Campaigns.Tv, Campaigns.DirectMail];

    public static DemoLiveBatch Create(DemoModel model, DateTimeOffset now, Random random)
    {
        var branchTable = DemoRandom.Cumulative(model.BranchShares);
        var lastDay = model.Options.Days - 1;
        var stamp = now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var orders = new List<OrderEvent>();
        var leads = new List<LeadEvent>();
        var appointments = new List<AppointmentEvent>();
        var orderCount = random.Next(1, 4);
        for (var i = 0; i < orderCount; i++)
        {
            var branchIndex = random.PickCumulative(branchTable);
            var branch = model.Branches[branchIndex];
            // The order closes a few minutes after it is opened; open it early enough that it has closed by now.
            var local = TimeZoneInfo.ConvertTime(now, branch.TimeZone).AddMinutes(-6);
            var day = DateOnly.FromDateTime(local.DateTime);
            var context = new OrderContext(
                model, branch, branchIndex, day, lastDay, local.Offset, Catalog.CategoryTable(day),
                model.Staff.Working(branchIndex, Staff.Cashier, model.Options.Today), Promotion.On(day), "");
            var id = string.Create(CultureInfo.InvariantCulture, $"ord_live_{branch.Code}_{stamp}_{random.Next():x8}");
            orders.Add(OrderDay.Create(random, context, id, local.TimeOfDay, allowRefund: false));
        }

        if (random.Chance(0.5))
        {
            var branchIndex = random.PickCumulative(branchTable);
            var branch = model.Branches[branchIndex];
            var local = TimeZoneInfo.ConvertTime(now, branch.TimeZone);
            var channel = random.Pick(LeadChannels);
            var setters = model.Staff.Working(branchIndex, Staff.Setter, model.Options.Today);
            var reps = model.Staff.Working(branchIndex, Staff.SalesRep, model.Options.Today);
            var suffix = string.Create(CultureInfo.InvariantCulture, $"live_{branch.Code}_{stamp}_{random.Next():x8}");
            var lead = new LeadEvent(
                $"lead_{suffix}", local, channel, local, "new", null, branch.Id, setters.Count > 0 ? random.Pick(setters).Event.Id : null,
                model.Campaigns.IdFor(channel, model.Options.Today));
            if (random.Chance(0.5))
            {
                var scheduledDay = DateOnly.FromDateTime(local.DateTime).AddDays(random.Next(1, 7));
                var scheduled = new DateTimeOffset(
                    scheduledDay.ToDateTime(new TimeOnly(random.Next(9, 19), 0)), branch.OffsetOn(scheduledDay));
                appointments.Add(new AppointmentEvent(
                    $"appt_{suffix}", local, scheduled, local, "set", lead.Id, null, branch.Id, lead.AssignedEmployeeId,
                    reps.Count > 0 ? random.Pick(reps).Event.Id : null));
                lead = lead with { Status = "appointment_set" };
            }

            leads.Add(lead);
        }

        return new DemoLiveBatch(orders, leads, appointments);
    }
}
