using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Square;

/// <summary>
/// Turns a Square order into our <see cref="OrderEvent"/>: money from minor to major units by the currency's exponent,
/// states to ours (a refund makes a completed order refunded or partially refunded), lines numbered by position.
/// </summary>
internal static class SquareOrderMapper
{
    private static readonly string[] CountedRefundStatuses = ["PENDING", "APPROVED", "COMPLETED"];

    /// <summary>
    /// Maps <paramref name="order"/>. Returns false with the reason when the order cannot be read; returns true with a
    /// null event for drafts, which are not sales yet.
    /// </summary>
    public static bool TryMap(SquareOrder order, out OrderEvent? mapped, out string? error)
    {
        mapped = null;
        error = null;
        if (order.State == "DRAFT")
            return true;

        var currency = order.TotalMoney?.Currency ?? order.LineItems?.FirstOrDefault()?.BasePriceMoney?.Currency ?? "USD";
        var refundedByLine = RefundedByLine(order, currency);
        var lines = new List<OrderLineItem>(order.LineItems?.Count ?? 0);
        var subtotal = 0m;
        for (var i = 0; i < (order.LineItems?.Count ?? 0); i++)
        {
            var line = order.LineItems![i];
            if (!decimal.TryParse(line.Quantity, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity))
            {
                error = $"line_items[{i}].quantity '{line.Quantity}' is not a number.";
                return false;
            }

            if (line.BasePriceMoney is null)
            {
                error = $"line_items[{i}].base_price_money is missing.";
                return false;
            }

            var unitPrice = Major(line.BasePriceMoney, currency);
            var gross = line.GrossSalesMoney is null ? quantity * unitPrice : Major(line.GrossSalesMoney, currency);
            var discount = Major(line.TotalDiscountMoney, currency);
            var tax = Major(line.TotalTaxMoney, currency);
            var lineTotal = line.TotalMoney is null ? gross - discount : Major(line.TotalMoney, currency) - tax;
            subtotal += gross;
            lines.Add(new OrderLineItem(
                LineNumber: i + 1,
                Quantity: quantity,
                UnitPrice: unitPrice,
                LineTotal: lineTotal,
                ProductId: line.CatalogObjectId,
                Discount: discount,
                Tax: tax,
                RefundedAmount: line.Uid is not null && refundedByLine.TryGetValue(line.Uid, out var refunded) ? refunded : 0));
        }

        var orderDiscount = Major(order.TotalDiscountMoney, currency);
        var orderTax = Major(order.TotalTaxMoney, currency);
        var tip = Major(order.TotalTipMoney, currency);
        var total = order.TotalMoney is null ? subtotal - orderDiscount + orderTax + tip : Major(order.TotalMoney, currency);
        var (refundedAmount, refundedAt) = Refunded(order, currency);
        var state = MapState(order.State, refundedAmount, total);
        if (state is null)
        {
            error = $"state '{order.State}' is not one of OPEN, COMPLETED, CANCELED or DRAFT.";
            return false;
        }

        mapped = new OrderEvent(
            Id: order.Id,
            UpdatedAt: order.UpdatedAt,
            LocationId: order.LocationId,
            OrderedAt: order.CreatedAt,
            LineItems: lines,
            State: state,
            CustomerId: order.CustomerId,
            Subtotal: subtotal,
            Discount: orderDiscount,
            Tax: orderTax,
            Tip: tip,
            Total: total,
            RefundedAmount: refundedAmount,
            RefundedAt: refundedAt,
            Currency: currency.ToUpperInvariant(),
            ClosedAt: order.ClosedAt);
        return true;
    }

    private static string? MapState(string state, decimal refunded, decimal total) => state switch
    {
        "OPEN" => "open",
        "CANCELED" => "cancelled",
        "COMPLETED" when refunded > 0 && refunded >= total => "refunded",
        "COMPLETED" when refunded > 0 => "partially_refunded",
        "COMPLETED" => "paid",
        _ => null,
    };

    // Square lists refunds on the sale order; rejected and failed ones gave no money back. Orders synced from older
    // integrations carry only return_amounts, dated by the order's last update.
    private static (decimal Amount, DateTimeOffset? At) Refunded(SquareOrder order, string currency)
    {
        var refunds = (order.Refunds ?? []).Where(refund => CountedRefundStatuses.Contains(refund.Status)).ToList();
        if (refunds.Count > 0)
            return (refunds.Sum(refund => Major(refund.AmountMoney, currency)), refunds.Max(refund => refund.CreatedAt) ?? order.UpdatedAt);
        var returned = Major(order.ReturnAmounts?.TotalMoney, currency);
        return returned > 0 ? (returned, order.UpdatedAt) : (0, null);
    }

    private static Dictionary<string, decimal> RefundedByLine(SquareOrder order, string currency)
    {
        var byLine = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var returned in (order.Returns ?? []).SelectMany(r => r.ReturnLineItems ?? []))
        {
            if (returned.SourceLineItemUid is { } uid)
                byLine[uid] = byLine.GetValueOrDefault(uid) + Major(returned.TotalMoney, currency);
        }

        return byLine;
    }

    private static decimal Major(SquareMoney? money, string orderCurrency) =>
        money is null ? 0 : SquareCurrency.ToMajor(money.Amount, string.IsNullOrEmpty(money.Currency) ? orderCurrency : money.Currency);
}
