using System.Globalization;
using System.Text.Json;
using Northstar.Ingest.Square;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Square;

public sealed class SquareOrderMapperTests
{
    [Fact]
    public void Dollar_amounts_come_from_cents_and_add_up_to_the_order_total()
    {
        var order = Map("page-1.json", "8mQx3vTLnbWzR2cFhJkP1aSdEfGZY");

        Assert.Equal("paid", order.State);
        Assert.Equal("USD", order.Currency);
        Assert.Equal("L8RX2T4QZPM0D", order.LocationId);
        Assert.Equal("JDKYHBWT1D4F8MFH63DBMEN8Y4", order.CustomerId);
        Assert.Equal(Instant("2026-03-02T09:58:12.311Z"), order.OrderedAt);
        Assert.Equal(Instant("2026-03-02T10:00:05Z"), order.UpdatedAt);
        Assert.Equal(Instant("2026-03-02T10:00:04.870Z"), order.ClosedAt);
        Assert.Equal((82.97m, 7.00m, 6.27m, 0m, 82.24m), (order.Subtotal, order.Discount, order.Tax, order.Tip, order.Total));
        Assert.Equal(order.Total, order.Subtotal - order.Discount + order.Tax + order.Tip);
        Assert.Equal(
            [
                new OrderLineItem(1, 2m, 34.99m, 62.98m, "W62UWFY35CWMYGVWK6TWJDNI", Discount: 7.00m, Tax: 5.20m),
                new OrderLineItem(2, 1m, 12.99m, 12.99m, "AMJ4HE3KUCVSDYV5PMIYNSWE", Discount: 0m, Tax: 1.07m),
            ],
            order.LineItems);
    }

    [Fact]
    public void Yen_amounts_have_no_minor_unit()
    {
        var order = Map("page-3.json", "Jp4nT7xQw2LkR9vZc5MbH1sYd8FgA");

        Assert.Equal("JPY", order.Currency);
        Assert.Equal((7600m, 760m, 8360m), (order.Subtotal, order.Tax, order.Total));
        var line = Assert.Single(order.LineItems);
        Assert.Equal((2m, 3800m, 7600m), (line.Quantity, line.UnitPrice, line.LineTotal));
    }

    [Theory]
    [InlineData(1250L, "USD", "12.50")]
    [InlineData(1250L, "JPY", "1250")]
    [InlineData(1250L, "KWD", "1.250")]
    [InlineData(-399L, "EUR", "-3.99")]
    public void Minor_units_convert_by_the_currencys_exponent(long amount, string currency, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), SquareCurrency.ToMajor(amount, currency));

    [Fact]
    public void Open_and_canceled_orders_keep_their_state_and_fractional_quantities_are_kept()
    {
        Assert.Equal("open", Map("page-1.json", "pV7cN1eQ0dJrKs4TgHuW9yXbLmA2Z").State);
        var canceled = Map("page-2.json", "Kc2sW9pLq4NxR7tVb1MzH6yJd0FgE");
        Assert.Equal("cancelled", canceled.State);
        Assert.Equal(1.5m, Assert.Single(canceled.LineItems).Quantity);
    }

    [Fact]
    public void A_partial_refund_makes_the_order_partially_refunded_with_the_refunded_line_and_time()
    {
        var order = Map("page-1.json", "Gh5tR8wYq2ZkP0xNcVbM3nLs6JdF1");

        Assert.Equal("partially_refunded", order.State);
        Assert.Equal(40.05m, order.RefundedAmount);
        Assert.Equal(Instant("2026-03-02T10:19:30Z"), order.RefundedAt);
        Assert.Equal([0m, 40.05m], order.LineItems.Select(line => line.RefundedAmount));
        Assert.Equal((3.00m, 182.69m), (order.Tip, order.Total));
    }

    [Fact]
    public void A_full_refund_makes_the_order_refunded_and_a_rejected_refund_counts_for_nothing()
    {
        var order = Map("page-2.json", "Yt8uB3kPm5QwE1rZx7NcV2jLh9GdS");

        Assert.Equal("refunded", order.State);
        Assert.Equal(269.54m, order.RefundedAmount);
        Assert.Equal(Instant("2026-03-02T11:29:00Z"), order.RefundedAt);
    }

    [Fact]
    public void Drafts_are_skipped_and_unreadable_orders_are_refused_naming_the_field()
    {
        var order = Square("page-1.json", "pV7cN1eQ0dJrKs4TgHuW9yXbLmA2Z");

        Assert.True(SquareOrderMapper.TryMap(order with { State = "DRAFT" }, out var draft, out _));
        Assert.Null(draft);

        Assert.False(SquareOrderMapper.TryMap(order with { State = "ARCHIVED" }, out _, out var stateError));
        Assert.Contains("ARCHIVED", stateError, StringComparison.Ordinal);

        var badLine = order.LineItems![0] with { Quantity = "three" };
        Assert.False(SquareOrderMapper.TryMap(order with { LineItems = [badLine] }, out _, out var quantityError));
        Assert.StartsWith("line_items[0].quantity", quantityError, StringComparison.Ordinal);
    }

    private static OrderEvent Map(string page, string id)
    {
        Assert.True(SquareOrderMapper.TryMap(Square(page, id), out var mapped, out var error), error);
        return mapped!;
    }

    private static SquareOrder Square(string page, string id) =>
        JsonSerializer.Deserialize<SquareSearchOrdersResponse>(RecordedSquare.Text(page), SquareJson.Options)!.Orders!.Single(order => order.Id == id);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
