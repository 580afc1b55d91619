using Northstar.Core.Model;
using static Northstar.Core.Tests.ModelLoading.ModelYaml;

namespace Northstar.Core.Tests.ModelLoading;

public class ModelParserTests
{
    [Fact]
    public void A_subject_is_read_with_its_joins_time_dimensions_dimensions_and_scope()
    {
        var model = Parse(Sales);

        var sales = model.Subjects["sales"];
        Assert.Equal("America/Chicago", model.CompanyTimeZone);
        Assert.Equal(("Sales", "gold.fact_sales", "sales"), (sales.Label, sales.Table, sales.DataSubject));
        Assert.Equal(new Join("product", "gold.dim_product", "product_key", "product_key"), sales.Joins["product"]);
        Assert.Equal(new TimeDimension("order_date", "Order date", "local_date", "local_hour"), sales.TimeDimensions["order_date"]);
        Assert.Equal("order_date", sales.DefaultTime);
        Assert.Equal(
            new Dimension("category", "Category", "product", "category", DataType.String, ValueFormat.None), sales.Dimensions["category"]);
        Assert.Equal(new Dimension("amount", "Amount", null, "net_amount", DataType.Number, ValueFormat.None), sales.Dimensions["amount"]);
        Assert.Equal(new ScopeColumns("location_key", null), sales.Scope);
        Assert.Equal(new SourceLocation("model/file1.yaml", LineOf(Sales, "  sales:")), sales.Source);
    }

    [Fact]
    public void Measures_and_derived_metrics_are_metrics_of_the_model()
    {
        var model = Parse(Sales);

        var revenue = Assert.IsType<Measure>(model.Metrics["revenue"]);
        Assert.Equal((Aggregation.Sum, new ColumnRef(null, "net_amount")), (revenue.Aggregation, revenue.Column));
        Assert.Equal(ValueFormat.Currency, revenue.Format);
        Assert.Equal(new SourceLocation("model/file1.yaml", LineOf(Sales, "revenue:")), revenue.Source);
        var orders = Assert.IsType<Measure>(model.Metrics["orders"]);
        Assert.Equal((Aggregation.CountDistinct, ValueFormat.Integer, DataType.Integer), (orders.Aggregation, orders.Format, orders.Type));
        var lines = Assert.IsType<Measure>(model.Metrics["lines"]);
        Assert.Equal((Aggregation.Count, null), (lines.Aggregation, lines.Column));
        var aov = Assert.IsType<DerivedMetric>(model.Metrics["aov"]);
        Assert.Equal("{revenue} / {orders}", aov.Expression);
        Assert.Equal(new BinaryOperation('/', new MetricReference("revenue"), new MetricReference("orders")), aov.Parsed);
    }

    [Fact]
    public void Filtered_measures_and_segments_carry_values_of_the_dimension_type()
    {
        var text = Sales.With("      lines: { label: Lines, count: true }", """
                  lines: { label: Lines, count: true }
                  paint_lines: { label: Paint lines, count: true, where: [ { member: category, op: in, values: [Paint, "Tools"] } ] }
                  big_lines:
                    label: Big lines
                    sum: net_amount
                    where:
                      - { member: amount, op: between, values: [100, 999.5] }
                      - { member: quantity, op: gte, values: [2] }
                      - { member: category, op: is_not_null }
            """) + """

                segments:
                  tools: { label: Tools, where: [ { member: category, op: equals, values: [Tools] } ] }
            """;

        var model = Parse(text);

        var paint = Assert.IsType<Measure>(model.Metrics["paint_lines"]);
        Assert.Equal(new Condition("category", FilterOp.In, ["Paint", "Tools"]), paint.Filter.Single(), ConditionComparer.Instance);
        var big = Assert.IsType<Measure>(model.Metrics["big_lines"]);
        Assert.Equal(
            [
                new Condition("amount", FilterOp.Between, [100m, 999.5m]),
                new Condition("quantity", FilterOp.Gte, [2L]),
                new Condition("category", FilterOp.IsNotNull, []),
            ],
            big.Filter, ConditionComparer.Instance);
        var segment = model.Subjects["sales"].Segments["tools"];
        Assert.Equal("Tools", segment.Label);
        Assert.Equal(new Condition("category", FilterOp.EqualTo, ["Tools"]), segment.Conditions.Single(), ConditionComparer.Instance);
    }

    [Fact]
    public void Model_level_metrics_rollups_and_join_targets_are_read_across_files()
    {
        var marketing = """
            subjects:
              marketing:
                label: Marketing
                table: gold.fact_marketing_spend
                data_subject: marketing
                joins:
                  setter: { table: gold.dim_employee, key: set_by_employee_key, target: employee_key }
                time:
                  spend_date: { label: Spend date, date: spend_date }
                  booked_date: { label: Booked date, date: booked_date, default: true }
                measures:
                  spend: { label: Spend, sum: amount }
            metrics:
              spend_per_order: { label: Spend per order, expr: "{spend} / {orders}", format: currency, description: Cross-subject. }
            rollups:
              sales_daily: { subject: sales, time: order_date, grain: day, dimensions: [category], measures: [revenue, lines] }
            """;

        var model = Parse(Sales, marketing);

        Assert.Equal(
            new Join("setter", "gold.dim_employee", "set_by_employee_key", "employee_key"), model.Subjects["marketing"].Joins["setter"]);
        Assert.Equal("booked_date", model.Subjects["marketing"].DefaultTime);
        var metric = Assert.IsType<DerivedMetric>(model.Metrics["spend_per_order"]);
        Assert.Equal(("Cross-subject.", ValueFormat.Currency, "model/file2.yaml"), (metric.Description, metric.Format, metric.Source.File));
        var rollup = Assert.Single(model.Rollups);
        Assert.Equal(("sales_daily", "sales", "order_date", Grain.Day), (rollup.Name, rollup.Subject, rollup.TimeDimension, rollup.Grain));
        Assert.Equal(["category"], rollup.Dimensions);
        Assert.Equal(["revenue", "lines"], rollup.Measures);
        Assert.Equal(new SourceLocation("model/file2.yaml", LineOf(marketing, "sales_daily")), rollup.Source);
    }

    /// <summary>Conditions hold their values in a list, which records compare by reference.</summary>
    private sealed class ConditionComparer : IEqualityComparer<Condition>
    {
        public static readonly ConditionComparer Instance = new();

        public bool Equals(Condition? x, Condition? y) =>
            x is not null && y is not null && x.Dimension == y.Dimension && x.Op == y.Op && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(Condition obj) => HashCode.Combine(obj.Dimension, obj.Op);
    }
}
