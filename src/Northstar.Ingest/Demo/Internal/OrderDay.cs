using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>The showroom orders of one branch on one local day.</summary>
internal static class OrderDay
{
    public const double RefundRate = 0.035;
    public const double TipRate = 0.008;

    public static List<OrderEvent> Generate(DemoModel model, int dayIndex, int branchIndex)
    {
        var options = model.Options;
        var branch = model.Branches[branchIndex];
        var day = model.Day(dayIndex);
        var random = DemoRandom.For(options.Seed, DemoStream.Orders, dayIndex, branchIndex);
        var promotion = Promotion.On(day);
        var expected = options.OrdersPerDay * model.BranchShares[branchIndex] * Patterns.WeekdayFactor(day) * Patterns.Season(day)
            * Patterns.Growth(dayIndex, options.Days) * (promotion?.Lift ?? 1.0);
        var count = random.Poisson(expected);
        var hourTable = Patterns.IsWeekend(day) ? Patterns.WeekendHourTable : Patterns.WeekdayHourTable;
        var seconds = new int[count];
        for (var i = 0; i < count; i++)
        {
            seconds[i] = (random.PickCumulative(hourTable) * 3600) + random.Next(3600);
        }

        // Order numbers follow the clock, as a till's would.
        Array.Sort(seconds);
        var context = new OrderContext(
            model, branch, branchIndex, day, dayIndex, branch.OffsetOn(day), Catalog.CategoryTable(day),
            model.Staff.Working(branchIndex, Staff.Cashier, day), promotion,
            string.Create(CultureInfo.InvariantCulture, $"ord_{branch.Code}_{day:yyyyMMdd}_"));
        var orders = new List<OrderEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var id = string.Concat(context.IdPrefix, (i + 1).ToString("D5", CultureInfo.InvariantCulture));
            orders.Add(Create(random, context, id, TimeSpan.FromSeconds(seconds[i]), allowRefund: true));
        }

        return orders;
    }

    public static OrderEvent Create(Random random, OrderContext context, string id, TimeSpan timeOfDay, bool allowRefund)
    {
        var (model, branch, day) = (context.Model, context.Branch, context.Day);
        var orderedAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + timeOfDay, context.Offset);
        var customer = random.Chance(CustomerBase.IdentifiedShare)
            ? model.Customers.Draw(random, context.BranchIndex, context.DayIndex)
            : null;
        var cashier = context.Cashiers.Count > 0 ? random.Pick(context.Cashiers).Event.Id : null;
        var channel = random.Chance(0.08) ? "online" : "in_store";
        var lineCount = 1 + random.Poisson(customer?.Segment == "pro" ? 2.6 : 1.7);
        var lines = new OrderLineItem[lineCount];
        decimal subtotal = 0, discount = 0, tax = 0;
        for (var n = 0; n < lineCount; n++)
        {
            var category = random.PickCumulative(context.CategoryTable);
            var product = model.Catalog.ByCategory[category][random.PickCumulative(model.Catalog.PopularityTables[category])];
            // Most lines are one or two units; lumber and flooring go up to their category's maximum.
            var quantity = 1 + (int)(product.MaxQuantity * Math.Pow(random.NextDouble(), 3));
            var gross = product.Price * quantity;
            var lineDiscount = context.Promotion is { } promotion && promotion.Category == product.Event.Category
                ? Math.Round(gross * promotion.Discount, 2, MidpointRounding.AwayFromZero)
                : 0m;
            var lineTotal = gross - lineDiscount;
            var lineTax = Math.Round(lineTotal * branch.TaxRate, 2, MidpointRounding.AwayFromZero);
            lines[n] = new OrderLineItem(n + 1, quantity, product.Price, lineTotal, product.Event.Id, lineDiscount, lineTax);
            subtotal += gross;
            discount += lineDiscount;
            tax += lineTax;
        }

        var tip = random.Chance(TipRate) ? random.Next(2, 21) : 0m;
        var total = subtotal - discount + tax + tip;
        var closedAt = orderedAt.AddSeconds(random.Next(60, 360));
        var order = new OrderEvent(
            id, closedAt, branch.Id, orderedAt, lines, "paid", customer?.Id, cashier, channel, subtotal, discount, tax, tip, total,
            ClosedAt: closedAt);
        return allowRefund && random.Chance(RefundRate) ? Refund(random, context, order) : order;
    }

    // A refund within 30 days, if that day has come: the whole order, or one line with its tax.
    private static OrderEvent Refund(Random random, OrderContext context, OrderEvent order)
    {
        var refundDay = context.Day.AddDays(1 + random.Next(30));
        var refundedAt = new DateTimeOffset(
            refundDay.ToDateTime(new TimeOnly(random.Next(9, 19), random.Next(60))), context.Branch.OffsetOn(refundDay));
        var whole = order.LineItems.Count == 1 || random.Chance(0.4);
        var refundedLine = random.Next(order.LineItems.Count);
        if (refundDay > context.Model.Options.Today)
        {
            return order;
        }

        if (whole)
        {
            return order with
            {
                UpdatedAt = refundedAt,
                State = "refunded",
                RefundedAmount = order.Total,
                RefundedAt = refundedAt,
                LineItems = [.. order.LineItems.Select(line => line with { RefundedAmount = line.LineTotal + line.Tax })],
            };
        }

        var lines = order.LineItems.ToArray();
        var line = lines[refundedLine];
        lines[refundedLine] = line with { RefundedAmount = line.LineTotal + line.Tax };
        return order with
        {
            UpdatedAt = refundedAt,
            State = "partially_refunded",
            RefundedAmount = line.LineTotal + line.Tax,
            RefundedAt = refundedAt,
            LineItems = lines,
        };
    }
}

/// <summary>What every order of one branch-day shares, computed once for the day.</summary>
internal sealed record OrderContext(
    DemoModel Model,
    Branch Branch,
    int BranchIndex,
    DateOnly Day,
    int DayIndex,
    TimeSpan Offset,
    double[] CategoryTable,
    List<StaffMember> Cashiers,
    Promotion? Promotion,
    string IdPrefix);
