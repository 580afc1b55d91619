using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using static Northstar.Core.Analyses.AnalysisSql;

namespace Northstar.Core.Analyses;

/// <summary>
/// The known customers with a sold line in the range, by their number of orders in it: <c>vip</c> (10 or more),
/// <c>loyal</c> (5–9), <c>regular</c> (2–4), <c>new</c> (1); per segment its customers, their orders and their revenue
/// in the range (refund lines included). Always the four rows, in that order.
/// </summary>
internal sealed class CustomerSegments : Analysis
{
    private const string Customers = "customers";

    // Name, fewest and most orders (null: no upper bound), in the order of the rows.
    private static readonly (string Name, int Fewest, int? Most)[] Segments =
        [("vip", 10, null), ("loyal", 5, 9), ("regular", 2, 4), ("new", 1, 1)];

    public override string Name => "customer_segments";

    public override IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("segment", "Segment", DataType.String, ValueFormat.None, ColumnRole.Dimension),
        new("customers", "Customers", DataType.Integer, ValueFormat.Integer, ColumnRole.Metric),
        new("orders", "Orders", DataType.Integer, ValueFormat.Integer, ColumnRole.Metric),
        new("revenue", "Revenue", DataType.Number, ValueFormat.Currency, ColumnRole.Metric),
    ];

    public override AnalysisStatements Build(AnalysisInput input)
    {
        var facts = input.Facts;
        var (perCustomer, rollup) = facts.PerCustomer(input, input.Range, grain: null, [facts.Orders, facts.Revenue]);
        SqlCte[] with = [Define(Customers, perCustomer)];
        var orders = Column("c", SalesFacts.MeasureColumn(facts.Orders));
        var revenue = Column("c", SalesFacts.MeasureColumn(facts.Revenue));

        // One aggregate per segment (one row each, zeros when empty), stacked in the order of the segments.
        var segments = Segments.Select((segment, index) => new SqlSelect
        {
            Columns =
            [
                As(Typed(new SqlParameter(segment.Name), DataType.String), "segment"),
                As(Number(index), "position"),
                As(CountAll(), "customers"),
                As(Sum(orders), "orders"),
                As(Sum(revenue), "revenue"),
            ],
            From = Cte(Customers, "c"),
            Where = All(Gte(orders, Number(segment.Fewest)), segment.Most is { } most ? Lte(orders, Number(most)) : null),
        }).ToList();

        var rows = new SqlSelect
        {
            With = with,
            Columns = [.. Columns.Select(column => As(Column("s", column.Name), column.Name))],
            From = new SqlSubquerySource(new SqlUnionAll(segments), "s"),
            OrderBy = [new SqlOrder(Column("s", "position"), Descending: false)],
        };
        var totals = new SqlSelect
        {
            With = with,
            Columns = [As(CountAll(), "customers"), As(Sum(orders), "orders"), As(Sum(revenue), "revenue")],
            From = Cte(Customers, "c"),
            Where = Gte(orders, Number(1)),
        };
        return new AnalysisStatements(rows, totals, rollup is null ? [] : [rollup]);
    }
}
