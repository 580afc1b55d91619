using Northstar.Core.Model;

namespace Northstar.Core.Tests.Compiling;

/// <summary>
/// A small model over the gold tables: sales (branch and employee scope, hourly), marketing spend (branch scope only,
/// daily), leads, a cross-subject metric, and a subject without scope columns.
/// </summary>
public static class TestModel
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
            Joins(location, product, channel),
            new Dictionary<string, TimeDimension> { ["order_date"] = new("order_date", "Order date", "local_date", "local_hour") },
            "order_date",
            Dimensions(
                locationName,
                channelName,
                new Dimension("category", "Category", "product", "category", DataType.String, ValueFormat.None),
                new Dimension("line_number", "Line number", null, "line_number", DataType.Integer, ValueFormat.Integer),
                new Dimension("line_amount", "Line amount", null, "net_amount", DataType.Number, ValueFormat.Currency),
                new Dimension("order_day", "Order day", null, "local_date", DataType.Date, ValueFormat.Date)),
            new Dictionary<string, Segment>
            {
                ["big_lines"] = new("big_lines", "Big lines", [new Condition("line_amount", FilterOp.Gte, [100m])]),
            },
            new ScopeColumns("location_key", "employee_key"),
            Here);

        var marketing = new Subject(
            "marketing", "Marketing", "gold.fact_marketing_spend", "marketing",
            Joins(location, channel),
            new Dictionary<string, TimeDimension> { ["spend_date"] = new("spend_date", "Spend date", "spend_date", null) },
            "spend_date",
            Dimensions(locationName, channelName),
            new Dictionary<string, Segment>(),
            new ScopeColumns("location_key", null),
            Here);

        var leads = new Subject(
            "leads", "Leads", "gold.fact_leads", "pipeline",
            Joins(location, channel),
            new Dictionary<string, TimeDimension> { ["lead_date"] = new("lead_date", "Lead date", "local_date", null) },
            "lead_date",
            Dimensions(locationName, channelName),
            new Dictionary<string, Segment>(),
            new ScopeColumns("location_key", "employee_key"),
            Here);

        var requests = new Subject(
            "requests", "Requests", "gold.fact_requests", "system",
            new Dictionary<string, Join>(),
            new Dictionary<string, TimeDimension> { ["request_date"] = new("request_date", "Request date", "request_date", null) },
            "request_date",
            Dimensions(new Dimension("route", "Route", null, "route", DataType.String, ValueFormat.None)),
            new Dictionary<string, Segment>(),
            new ScopeColumns(null, null),
            Here);

        Metric[] metrics =
        [
            new Measure("revenue", "Revenue", ValueFormat.Currency, null, Here, "sales", Aggregation.Sum, new ColumnRef(null, "net_amount"), []),
            new Measure("orders", "Orders", ValueFormat.Integer, null, Here, "sales", Aggregation.CountDistinct, new ColumnRef(null, "order_id"), []),
            new Measure("lines", "Lines", ValueFormat.Integer, null, Here, "sales", Aggregation.Count, null, []),
            new Measure("paint_revenue", "Paint revenue", ValueFormat.Currency, null, Here, "sales", Aggregation.Sum,
                        new ColumnRef(null, "net_amount"), [new Condition("category", FilterOp.EqualTo, ["Paint"])]),
            new Measure("list_value", "List value", ValueFormat.Currency, null, Here, "sales", Aggregation.Sum,
                        new ColumnRef("product", "unit_price"), []),
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
            new Measure("requests", "Requests", ValueFormat.Integer, null, Here, "requests", Aggregation.Count, null, []),
        ];

        return new SemanticModel(
            new[] { sales, marketing, leads, requests }.ToDictionary(subject => subject.Name),
            metrics.ToDictionary(metric => metric.Name),
            [],
            "America/Chicago");
    }

    private static Dictionary<string, Join> Joins(params Join[] joins) => joins.ToDictionary(join => join.Name);

    private static Dictionary<string, Dimension> Dimensions(params Dimension[] dimensions) =>
        dimensions.ToDictionary(dimension => dimension.Name);
}
