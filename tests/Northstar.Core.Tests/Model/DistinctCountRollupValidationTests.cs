using Northstar.Core.Model;
using Northstar.Core.Rollups;
using static Northstar.Core.Tests.ModelLoading.ModelYaml;

namespace Northstar.Core.Tests.ModelLoading;

public class DistinctCountRollupValidationTests
{
    private const string OrdersDetermineDateHourAndBranch =
        "orders: { label: Orders, count_distinct: order_id, determines: [local_date, local_hour, location_key] }";

    private static string Rollup(string dimensions, string measures) => $$"""

        rollups:
          r: { subject: sales, time: order_date, grain: day, dimensions: [{{dimensions}}], measures: [{{measures}}] }
        """;

    [Fact]
    public void A_distinct_count_whose_value_determines_the_rollups_buckets_is_kept_and_added_up()
    {
        var model = Parse(Sales.With("orders: { label: Orders, count_distinct: order_id }", OrdersDetermineDateHourAndBranch)
                      + Rollup("", "revenue, orders"));

        var orders = (Measure)model.Metrics["orders"];
        Assert.Equal(["local_date", "local_hour", "location_key"], orders.Determines);
        Assert.Equal(DistinctCountKeeping.Additive, DistinctCounts.Keeping(model.Subjects["sales"], model.Rollups[0], orders).How);
    }

    [Fact]
    public void A_rollup_keyed_by_a_column_the_distinct_value_does_not_determine_is_refused_naming_the_column()
    {
        var text = Sales.With("orders: { label: Orders, count_distinct: order_id }", OrdersDetermineDateHourAndBranch)
                   + Rollup("category", "revenue, orders");

        var error = ErrorAbout(Errors(text), "rollups.r.measures[1]");

        Assert.Equal(LineOf(text, "measures: [revenue, orders]"), error.Line);
        Assert.Contains("'orders' is a distinct count this rollup cannot keep", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing: product_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distinct_count_without_determines_is_refused_by_a_rollup_that_does_not_group_by_its_column()
    {
        var error = ErrorAbout(Errors(Sales + Rollup("", "orders")), "rollups.r.measures[0]");

        Assert.Contains("missing: local_date, location_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollup_grouping_by_the_counted_column_keeps_the_distinct_count_by_its_values()
    {
        var text = Sales.With("quantity: { label: Quantity, column: quantity, type: integer }",
                              "quantity: { label: Quantity, column: quantity, type: integer }\n      order_id: { label: Order, column: order_id }")
                   + Rollup("order_id, category", "orders");

        var model = Parse(text);

        var keeping = DistinctCounts.Keeping(model.Subjects["sales"], model.Rollups[0], (Measure)model.Metrics["orders"]);
        Assert.Equal((DistinctCountKeeping.ByDimension, "order_id"), keeping);
    }

    [Fact]
    public void Only_a_distinct_count_declares_what_its_value_determines()
    {
        var text = Sales.With("lines: { label: Lines, count: true }", "lines: { label: Lines, count: true, determines: [local_date] }");

        var error = ErrorAbout(Errors(text), "subjects.sales.measures.lines.determines");

        Assert.Contains("only a distinct count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Determines_lists_column_names()
    {
        var text = Sales.With("orders: { label: Orders, count_distinct: order_id }",
                              "orders: { label: Orders, count_distinct: order_id, determines: [local_date, \"x; drop table y\"] }");

        var error = ErrorAbout(Errors(text), "subjects.sales.measures.orders.determines[1]");

        Assert.Contains("x; drop table y", error.Message, StringComparison.Ordinal);
    }
}
