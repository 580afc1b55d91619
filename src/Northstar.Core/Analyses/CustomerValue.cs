using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using static Northstar.Core.Analyses.AnalysisSql;

namespace Northstar.Core.Analyses;

/// <summary>
/// The known customers with a sold line in the range, by their value: the revenue of all their lines (sold and
/// refunded) up to the range's last day. Five bands, [.., 50), [50, 100), [100, 250), [250, 500), [500, ..): a value of
/// zero or below falls in the first, whose <c>value_from</c> is 0. Per band its customers and the sum of their values.
/// </summary>
internal sealed class CustomerValue : Analysis
{
    private const string Buyers = "buyers";
    private const string Lifetimes = "lifetimes";
    private const string Valued = "valued";
    private const string Value = "value";

    // The lower bounds of the bands; each band ends where the next begins, the last has no end.
    private static readonly decimal[] Bounds = [0m, 50m, 100m, 250m, 500m];

    public override string Name => "customer_value";

    public override IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("value_from", "Value from", DataType.Number, ValueFormat.Currency, ColumnRole.Dimension),
        new("value_to", "Value to", DataType.Number, ValueFormat.Currency, ColumnRole.Dimension),
        new("customers", "Customers", DataType.Integer, ValueFormat.Integer, ColumnRole.Metric),
        new("revenue", "Revenue", DataType.Number, ValueFormat.Currency, ColumnRole.Metric),
    ];

    public override AnalysisStatements Build(AnalysisInput input)
    {
        var facts = input.Facts;
        var revenue = SalesFacts.MeasureColumn(facts.Revenue);
        var orders = SalesFacts.MeasureColumn(facts.Orders);
        var with = new List<SqlCte>();
        var rollups = new List<string>();
        SqlExpression bought;
        if (input.Range is null)
        {
            // All time: one pass gives both who bought and their value.
            var (lifetimes, rollup) = facts.PerCustomer(input, null, grain: null, [facts.Orders, facts.Revenue]);
            with.Add(Define(Lifetimes, lifetimes));
            rollups.AddRange(rollup is null ? [] : [rollup]);
            bought = Gt(Column("l", orders), Number(0));
        }
        else
        {
            var (buyers, buyersRollup) = facts.PerCustomer(input, input.Range, grain: null, [facts.Orders]);
            var (lifetimes, lifetimesRollup) = facts.PerCustomer(input, SalesFacts.UpTo(input.Range), grain: null, [facts.Revenue]);
            with.Add(Define(Buyers, buyers));
            with.Add(Define(Lifetimes, lifetimes));
            rollups.AddRange(new[] { buyersRollup, lifetimesRollup }.OfType<string>());
            bought = new SqlInSubquery(Column("l", SalesFacts.Customer), new SqlSelect
            {
                Columns = [As(Column("b", SalesFacts.Customer), SalesFacts.Customer)],
                From = Cte(Buyers, "b"),
                Where = Gt(Column("b", orders), Number(0)),
            });
        }

        with.Add(Define(Valued, new SqlSelect
        {
            Columns = [As(Column("l", SalesFacts.Customer), SalesFacts.Customer), As(Column("l", revenue), Value)],
            From = Cte(Lifetimes, "l"),
            Where = bought,
        }));

        var value = Column("v", Value);
        var bands = Bounds.Select((from, index) =>
        {
            decimal? to = index + 1 < Bounds.Length ? Bounds[index + 1] : null;
            return new SqlSelect
            {
                Columns =
                [
                    As(Typed(Number(from), DataType.Number), "value_from"),
                    As(to is { } end ? Typed(Number(end), DataType.Number) : new SqlNull(DataType.Number), "value_to"),
                    As(CountAll(), "customers"),
                    As(Sum(value), "revenue"),
                ],
                From = Cte(Valued, "v"),
                // The first band has no lower bound: a customer whose refunds outweigh their purchases is in it too.
                Where = All(index == 0 ? null : Gte(value, Number(from)), to is { } upper ? Lt(value, Number(upper)) : null),
            };
        }).ToList();

        var rows = new SqlSelect
        {
            With = with,
            Columns = [.. Columns.Select(column => As(Column("b", column.Name), column.Name))],
            From = new SqlSubquerySource(new SqlUnionAll(bands), "b"),
            OrderBy = [new SqlOrder(Column("b", "value_from"), Descending: false)],
        };
        var totals = new SqlSelect
        {
            With = with,
            Columns = [As(CountAll(), "customers"), As(Sum(value), "revenue")],
            From = Cte(Valued, "v"),
        };
        return new AnalysisStatements(rows, totals, rollups);
    }
}
