using Northstar.Core.Model;

namespace Northstar.Warehouse.Tests.Queries;

/// <summary>
/// A small model over the real gold tables for engine tests: sales (line grain, hourly), marketing spend and leads
/// (a cross-subject cost per lead), written here so that the fixtures do not move with the shipped model.
/// </summary>
public static class QueryTestModel
{
    private static readonly SourceLocation Here = new("test.yaml", 1);

    public static SemanticModel Build()
    {
        var location = new Join("location", "gold.dim_location", "location_key", "location_key");
        var product = new Join("product", "gold.dim_product", "product_key", "product_key");
        var channel = new Join("channel", "gold.dim_channel", "channel_key", "channel_key");
        var locationName = new Dimension("location", "Branch", "location", "name", DataType.String, ValueFormat.None);
        var channelName = new Dimension("channel", "Channel", "channel", "name", DataType.String, ValueFormat.None);

        var sales = new Subject(
            "sales", "Sales", "gold.fact_sales", "sales",
            new[] { location, product, channel }.ToDictionary(join => join.Name),
            new Dictionary<string, TimeDimension> { ["order_date"] = new("order_date", "Order date", "local_date", "local_hour") },
            "order_date",
            new[]
            {
                locationName, channelName,
                new Dimension("category", "Category", "product", "category", DataType.String, ValueFormat.None),
                new Dimension("line_amount", "Line amount", null, "net_amount", DataType.Number, ValueFormat.Currency),
            }.ToDictionary(dimension => dimension.Name),
            new Dictionary<string, Segment>
            {
                ["big_lines"] = new("big_lines", "Big lines", [new Condition("line_amount", FilterOp.Gte, [100])]),
            },
            new ScopeColumns("location_key", "employee_key"),
            Here);

        var marketing = new Subject(
            "marketing", "Marketing", "gold.fact_marketing_spend", "marketing",
            new[] { location, channel }.ToDictionary(join => join.Name),
            new Dictionary<string, TimeDimension> { ["spend_date"] = new("spend_date", "Spend date", "spend_date", null) },
            "spend_date",
            new[] { locationName, channelName }.ToDictionary(dimension => dimension.Name),
            new Dictionary<string, Segment>(),
            new ScopeColumns("location_key", null),
            Here);

        var leads = new Subject(
            "leads", "Leads", "gold.fact_leads", "pipeline",
            new[] { location, channel }.ToDictionary(join => join.Name),
            new Dictionary<string, TimeDimension> { ["lead_date"] = new("lead_date", "Lead date", "local_date", null) },
            "lead_date",
            new[] { locationName, channelName }.ToDictionary(dimension => dimension.Name),
            new Dictionary<string, Segment>(),
            new ScopeColumns("location_key", "employee_key"),
            Here);

        Metric[] metrics =
        [
            new Measure("revenue", "Revenue", ValueFormat.Currency, null, Here, "sales", Aggregation.Sum, new ColumnRef(null, "net_amount"), []),
            new Measure("orders", "Orders", ValueFormat.Integer, null, Here, "sales", Aggregation.CountDistinct, new ColumnRef(null, "order_id"), []),
            new Measure("lines", "Lines", ValueFormat.Integer, null, Here, "sales", Aggregation.Count, null, []),
            new Measure("paint_revenue", "Paint revenue", ValueFormat.Currency, null, Here, "sales", Aggregation.Sum,
                        new ColumnRef(null, "net_amount"), [new Condition("category", FilterOp.EqualTo, ["Paint"])]),
            new DerivedMetric("aov", "Average order value", ValueFormat.Currency, null, Here, "{revenue} / {orders}",
                              new BinaryOperation('/', new MetricReference("revenue"), new MetricReference("orders"))),
            new DerivedMetric("paint_share", "Paint share", ValueFormat.Percent, null, Here, "{paint_revenue} / {revenue} * 100",
                              new BinaryOperation('*',
                                  new BinaryOperation('/', new MetricReference("paint_revenue"), new MetricReference("revenue")),
                                  new NumberConstant(100m))),
            new Measure("spend", "Marketing spend", ValueFormat.Currency, null, Here, "marketing", Aggregation.Sum, new ColumnRef(null, "amount"), []),
            new Measure("leads", "Leads", ValueFormat.Integer, null, Here, "leads", Aggregation.Count, null, []),
            new DerivedMetric("cost_per_lead", "Cost per lead", ValueFormat.Currency, null, Here, "{spend} / {leads}",
                              new BinaryOperation('/', new MetricReference("spend"), new MetricReference("leads"))),
        ];

        return new SemanticModel(
            new[] { sales, marketing, leads }.ToDictionary(subject => subject.Name),
            metrics.ToDictionary(metric => metric.Name),
            [],
            "America/Chicago");
    }
}
