using Northstar.Ingest.Wire;
using static Northstar.Ingest.Pipeline.Validation.WireValues;

namespace Northstar.Ingest.Pipeline.Validation;

/// <summary>The business rules of each wire record, once it has the right shape: enumerations, ranges, sums, order of dates.</summary>
internal static class EventRules
{
    // Amounts are rounded to cents by sources; a line total within a cent of quantity x price - discount is right.
    private const decimal Cent = 0.01m;

    public static void Check(IWireEvent wireEvent, FieldErrors errors)
    {
        errors.NotBlank("id", wireEvent.Id);
        switch (wireEvent)
        {
            case LocationEvent location:
                errors.NotBlank("name", location.Name);
                errors.Between("latitude", location.Latitude, -90, 90);
                errors.Between("longitude", location.Longitude, -180, 180);
                errors.TimeZone("time_zone", location.TimeZone);
                errors.NotBefore("closed_on", location.ClosedOn, "opened_on", location.OpenedOn);
                break;
            case EmployeeEvent employee:
                errors.NotBlank("name", employee.Name);
                errors.OneOf("role", employee.Role, EmployeeRoles);
                errors.NotBefore("terminated_on", employee.TerminatedOn, "hired_on", employee.HiredOn);
                break;
            case ProductEvent product:
                errors.NotBlank("name", product.Name);
                errors.NotNegative("unit_price", product.UnitPrice);
                errors.NotNegative("unit_cost", product.UnitCost);
                break;
            case CampaignEvent campaign:
                errors.NotBlank("name", campaign.Name);
                errors.NotBlank("channel", campaign.Channel);
                errors.NotNegative("budget", campaign.Budget);
                errors.NotBefore("ended_on", campaign.EndedOn, "started_on", campaign.StartedOn);
                break;
            case OrderEvent order:
                CheckOrder(order, errors);
                break;
            case LeadEvent lead:
                errors.NotBlank("channel", lead.Channel);
                errors.OneOf("status", lead.Status, LeadStatuses);
                errors.NotBefore("converted_at", lead.ConvertedAt, "created_at", lead.CreatedAt);
                break;
            case AppointmentEvent appointment:
                errors.OneOf("outcome", appointment.Outcome, AppointmentOutcomes);
                break;
            case JobEvent job:
                CheckJob(job, errors);
                break;
            case TicketEvent ticket:
                errors.OneOf("status", ticket.Status, TicketStatuses);
                errors.OneOf("priority", ticket.Priority, TicketPriorities);
                errors.NotBefore("first_response_at", ticket.FirstResponseAt, "opened_at", ticket.OpenedAt);
                errors.NotBefore("resolved_at", ticket.ResolvedAt, "opened_at", ticket.OpenedAt);
                errors.Between("satisfaction", ticket.Satisfaction, 1, 5);
                break;
            case CallEvent call:
                errors.OneOf("direction", call.Direction, CallDirections);
                errors.OneOf("outcome", call.Outcome, CallOutcomes);
                errors.NotNegative("duration_seconds", call.DurationSeconds);
                break;
            case CanvassDoorEvent door:
                errors.OneOf("outcome", door.Outcome, DoorOutcomes);
                errors.Between("latitude", door.Latitude, -90, 90);
                errors.Between("longitude", door.Longitude, -180, 180);
                break;
            case MarketingSpendEvent spend:
                errors.NotBlank("channel", spend.Channel);
                errors.NotNegative("amount", spend.Amount);
                errors.NotNegative("impressions", spend.Impressions);
                errors.NotNegative("clicks", spend.Clicks);
                break;
        }
    }

    private static void CheckOrder(OrderEvent order, FieldErrors errors)
    {
        errors.NotBlank("location_id", order.LocationId);
        errors.OneOf("state", order.State, OrderStates);
        errors.NotNegative("subtotal", order.Subtotal);
        errors.NotNegative("discount", order.Discount);
        errors.NotNegative("tax", order.Tax);
        errors.NotNegative("tip", order.Tip);
        errors.NotNegative("total", order.Total);
        errors.NotNegative("refunded_amount", order.RefundedAmount);
        if (order.RefundedAmount > order.Total)
            errors.Add("refunded_amount", "must not exceed total");
        if (order.Currency is not { Length: 3 })
            errors.Add("currency", "must be a three-letter ISO 4217 code");
        errors.NotBefore("refunded_at", order.RefundedAt, "ordered_at", order.OrderedAt);

        var lineNumbers = new HashSet<int>();
        for (var i = 0; i < order.LineItems.Count; i++)
        {
            var line = order.LineItems[i];
            if (line is null)
            {
                errors.Add($"line_items[{i}]", "must be an object");
                continue;
            }

            // Field paths are built only for an error: most orders are valid, and this runs for every line.
            if (line.LineNumber <= 0)
                errors.Add(LineField(i, "line_number"), "must be positive");
            else if (!lineNumbers.Add(line.LineNumber))
                errors.Add(LineField(i, "line_number"), "must be unique within the order");
            if (line.Quantity <= 0)
                errors.Add(LineField(i, "quantity"), "must be positive");
            if (line.UnitPrice < 0)
                errors.NotNegative(LineField(i, "unit_price"), line.UnitPrice);
            if (line.Discount < 0)
                errors.NotNegative(LineField(i, "discount"), line.Discount);
            if (line.Tax < 0)
                errors.NotNegative(LineField(i, "tax"), line.Tax);
            if (line.RefundedAmount < 0)
                errors.NotNegative(LineField(i, "refunded_amount"), line.RefundedAmount);
            if (Math.Abs(line.LineTotal - (line.Quantity * line.UnitPrice - line.Discount)) > Cent)
                errors.Add(LineField(i, "line_total"), "must equal quantity × unit_price - discount");
            if (line.RefundedAmount > line.LineTotal + line.Tax)
                errors.Add(LineField(i, "refunded_amount"), "must not exceed the line's total with tax");
        }
    }

    private static string LineField(int index, string field) => $"line_items[{index}].{field}";

    private static void CheckJob(JobEvent job, FieldErrors errors)
    {
        errors.NotNegative("sold_amount", job.SoldAmount);
        errors.OneOf("stage", job.Stage, JobStages);
        errors.NotBefore("production_completed_at", job.ProductionCompletedAt, "production_started_at", job.ProductionStartedAt);
        if (job.CommissionSplits is not { Count: > 0 } splits)
            return;

        for (var i = 0; i < splits.Count; i++)
        {
            if (splits[i] is null)
            {
                errors.Add($"commission_splits[{i}]", "must be an object");
                return;
            }

            errors.NotBlank($"commission_splits[{i}].employee_id", splits[i].EmployeeId);
            if (splits[i].Share is <= 0 or > 1)
                errors.Add($"commission_splits[{i}].share", "must be greater than 0 and at most 1");
        }

        // Shares that do not add up to 1 are taken as sent: that is a finding for commission reconciliation to show,
        // not unreadable data (the demo company has some on purpose).
        if (splits.Select(split => split.EmployeeId).Distinct(StringComparer.Ordinal).Count() != splits.Count)
            errors.Add("commission_splits", "must name each employee once");
    }
}
