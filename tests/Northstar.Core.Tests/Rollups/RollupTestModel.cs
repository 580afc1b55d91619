using Northstar.Core.Model;
using Northstar.Core.Tests.Compiling;

namespace Northstar.Core.Tests.Rollups;

/// <summary>The compiler's test model with rollups: sales by day at two sizes and by hour, and marketing by day.</summary>
public static class RollupTestModel
{
    private static readonly SourceLocation Here = new("test.yaml", 1);

    public static readonly SemanticModel Model = Build();

    public static Rollup SalesByLocation => Model.Rollups.Single(rollup => rollup.Name == "sales_by_location");

    private static SemanticModel Build()
    {
        var model = TestModel.Build();
        var metrics = model.Metrics.ToDictionary();
        metrics["average_line"] = new Measure("average_line", "Average line", ValueFormat.Currency, null, Here, "sales", Aggregation.Avg,
                                              new Northstar.Core.Model.ColumnRef(null, "net_amount"), []);
        metrics["largest_line"] = new Measure("largest_line", "Largest line", ValueFormat.Currency, null, Here, "sales", Aggregation.Max,
                                              new Northstar.Core.Model.ColumnRef(null, "net_amount"), []);
        return model with
        {
            Metrics = metrics,
            Rollups =
            [
                new Rollup("sales_daily", "sales", "order_date", Grain.Day, ["location", "category", "channel"],
                           ["revenue", "lines", "paint_revenue", "average_line", "largest_line"], Here),
                new Rollup("sales_by_location", "sales", "order_date", Grain.Day, ["location"],
                           ["revenue", "lines", "paint_revenue", "average_line", "largest_line"], Here),
                new Rollup("sales_hourly", "sales", "order_date", Grain.Hour, ["location", "category", "channel"], ["revenue", "lines"], Here),
                new Rollup("marketing_daily", "marketing", "spend_date", Grain.Day, ["location"], ["spend"], Here),
            ],
        };
    }
}
