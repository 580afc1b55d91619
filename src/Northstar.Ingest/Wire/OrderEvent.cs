namespace Northstar.Ingest.Wire;

/// <summary>
/// A point-of-sale order with its lines. <see cref="State"/>: open, paid, fulfilled, cancelled, refunded,
/// partially_refunded. Amounts are in major units; <see cref="Total"/> = subtotal - discount + tax + tip. A refund is
/// an update of the order: <see cref="RefundedAmount"/> and the refunded lines' <see cref="OrderLineItem.RefundedAmount"/>
/// grow, and the state changes; gold shows it as negative lines on the day of the refund.
/// </summary>
public sealed record OrderEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string LocationId,
    DateTimeOffset OrderedAt,
    IReadOnlyList<OrderLineItem> LineItems,
    string State = "paid",
    string? CustomerId = null,
    string? EmployeeId = null,
    string Channel = "in_store",
    decimal Subtotal = 0,
    decimal Discount = 0,
    decimal Tax = 0,
    decimal Tip = 0,
    decimal Total = 0,
    decimal RefundedAmount = 0,
    DateTimeOffset? RefundedAt = null,
    string Currency = "USD",
    DateTimeOffset? ClosedAt = null) : IWireEvent;

/// <summary>One line of an order. <see cref="LineTotal"/> = quantity × unit price - discount (tax excluded).</summary>
public sealed record OrderLineItem(
    int LineNumber,
    decimal Quantity,
    decimal UnitPrice,
    decimal LineTotal,
    string? ProductId = null,
    decimal Discount = 0,
    decimal Tax = 0,
    decimal RefundedAmount = 0);
