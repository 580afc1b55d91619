using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Demo;

/// <summary>The arithmetic every order must satisfy, as the wire format defines it.</summary>
internal static class OrderInvariants
{
    public static void Check(OrderEvent order)
    {
        Assert.NotEmpty(order.LineItems);
        Assert.Equal(Enumerable.Range(1, order.LineItems.Count), order.LineItems.Select(line => line.LineNumber));
        foreach (var line in order.LineItems)
        {
            Assert.True(line.Quantity > 0 && line.UnitPrice > 0, order.Id);
            Assert.Equal((line.Quantity * line.UnitPrice) - line.Discount, line.LineTotal);
            Assert.InRange(line.RefundedAmount, 0m, line.LineTotal + line.Tax);
        }

        Assert.Equal(order.LineItems.Sum(line => line.Quantity * line.UnitPrice), order.Subtotal);
        Assert.Equal(order.LineItems.Sum(line => line.Discount), order.Discount);
        Assert.Equal(order.LineItems.Sum(line => line.Tax), order.Tax);
        Assert.Equal(order.Subtotal - order.Discount + order.Tax + order.Tip, order.Total);
        Assert.InRange(order.RefundedAmount, 0m, order.Total);
        Assert.True(order.ClosedAt > order.OrderedAt, order.Id);
        Assert.True(order.UpdatedAt >= order.ClosedAt, order.Id);
        var expectedState = order.RefundedAmount == 0 ? "paid" : order.RefundedAmount == order.Total ? "refunded" : "partially_refunded";
        Assert.Equal(expectedState, order.State);
        Assert.Equal(order.RefundedAmount > 0, order.RefundedAt is not null);
    }
}
