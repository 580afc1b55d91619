using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using static Northstar.Core.Analyses.AnalysisSql;

namespace Northstar.Core.Analyses;

/// <summary>
/// Cohorts of known customers by acquisition month (the month of their first sold line, however long ago), for the
/// acquisition months of the range: for each cohort and each month since (0 up to the range's last month), how many of
/// the cohort bought again that month (a sold line, on or before the range's last day). Every cell of the triangle is a
/// row, zeros included, ordered by cohort and months since. All time runs up to the last month with a sold line.
/// </summary>
internal sealed class CohortRetention : Analysis
{
    private const string Activity = "activity";
    private const string Firsts = "firsts";
    private const string Sizes = "sizes";
    private const string Active = "active";
    private const string Bounds = "bounds";
    private const string Cells = "cells";
    private const string Cohort = "cohort";
    private const string MonthsSince = "months_since";
    private const string CohortCustomers = "cohort_customers";
    private const string ActiveCustomers = "active_customers";
    private const string LastMonth = "last_month";

    public override string Name => "cohort_retention";

    public override IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new(Cohort, "Cohort", DataType.Date, ValueFormat.Date, ColumnRole.Time),
        new(MonthsSince, "Months since acquisition", DataType.Integer, ValueFormat.Integer, ColumnRole.Dimension),
        new(CohortCustomers, "Cohort customers", DataType.Integer, ValueFormat.Integer, ColumnRole.Metric),
        new(ActiveCustomers, "Active customers", DataType.Integer, ValueFormat.Integer, ColumnRole.Metric),
        new("retention", "Retention", DataType.Number, ValueFormat.Percent, ColumnRole.Metric),
    ];

    public override AnalysisStatements Build(AnalysisInput input)
    {
        var facts = input.Facts;
        var range = input.Range;

        // Each known customer's months with their orders (0: only refunds that month), up to the range's last day.
        var (activity, rollup) = facts.PerCustomer(input, SalesFacts.UpTo(range), Grain.Month, [facts.Orders]);
        var month = Column("a", SalesFacts.Time);
        var bought = Gt(Column("a", SalesFacts.MeasureColumn(facts.Orders)), Number(0));
        var firstMonth = range is null ? null : new SqlParameter(MonthOf(range.From));
        var inRange = firstMonth is null ? null : Gte(Column("f", Cohort), firstMonth);

        var firsts = new SqlSelect
        {
            Columns = [As(Column("a", SalesFacts.Customer), SalesFacts.Customer), As(Min(month), Cohort)],
            From = Cte(Activity, "a"),
            Where = bought,
            GroupBy = [Column("a", SalesFacts.Customer)],
        };
        var sizes = new SqlSelect
        {
            Columns = [As(Column("f", Cohort), Cohort), As(CountAll(), CohortCustomers)],
            From = Cte(Firsts, "f"),
            Where = inRange,
            GroupBy = [Column("f", Cohort)],
        };
        var active = new SqlSelect
        {
            Columns =
            [
                As(Column("f", Cohort), Cohort),
                As(new SqlMonthsBetween(Column("f", Cohort), month), MonthsSince),
                As(CountAll(), ActiveCustomers),
            ],
            From = Cte(Firsts, "f"),
            Joins = [new SqlJoin(new SqlTable(null, Activity), "a", Eq(Column("a", SalesFacts.Customer), Column("f", SalesFacts.Customer)))],
            Where = All(bought, inRange),
            GroupBy = [Column("f", Cohort), month],
        };

        // The triangle: each cohort with every month from its own to the last one, found or not.
        SqlCte[] cohorts = [Define(Activity, activity), Define(Firsts, firsts), Define(Sizes, sizes)];
        var with = new List<SqlCte>(cohorts) { Define(Active, active) };
        SqlExpression last;
        IReadOnlyList<SqlJoin> lastJoin;
        if (range is null)
        {
            with.Add(Define(Bounds, new SqlSelect { Columns = [As(Max(month), LastMonth)], From = Cte(Activity, "a"), Where = bought }));
            last = Column("l", LastMonth);
            lastJoin = [new SqlJoin(new SqlTable(null, Bounds), "l", new SqlBoolean(true))];
        }
        else
        {
            last = new SqlParameter(MonthOf(range.To));
            lastJoin = [];
        }

        with.Add(Define(Cells, new SqlSelect
        {
            Columns =
            [
                As(Column("s", Cohort), Cohort),
                As(Column("s", CohortCustomers), CohortCustomers),
                As(new SqlIntegerSeries(Number(0), new SqlMonthsBetween(Column("s", Cohort), last)), MonthsSince),
            ],
            From = Cte(Sizes, "s"),
            Joins = lastJoin,
        }));

        var activeCustomers = ZeroIfNull(Column("x", ActiveCustomers));
        var rows = new SqlSelect
        {
            With = with,
            Columns =
            [
                As(Column("c", Cohort), Cohort),
                As(Column("c", MonthsSince), MonthsSince),
                As(Column("c", CohortCustomers), CohortCustomers),
                As(activeCustomers, ActiveCustomers),
                As(Divide(activeCustomers, Column("c", CohortCustomers)), "retention"),
            ],
            From = Cte(Cells, "c"),
            Joins =
            [
                new SqlJoin(new SqlTable(null, Active), "x", All(
                    Eq(Column("x", Cohort), Column("c", Cohort)), Eq(Column("x", MonthsSince), Column("c", MonthsSince)))!),
            ],
            OrderBy = [new SqlOrder(Column("c", Cohort), Descending: false), new SqlOrder(Column("c", MonthsSince), Descending: false)],
        };

        // The totals: the customers of all cohorts shown (active customers and retention have no meaningful total).
        var totals = new SqlSelect
        {
            With = cohorts,
            Columns =
            [
                As(Sum(Column("s", CohortCustomers)), CohortCustomers),
                As(new SqlNull(DataType.Integer), ActiveCustomers),
                As(new SqlNull(DataType.Number), "retention"),
            ],
            From = Cte(Sizes, "s"),
        };
        return new AnalysisStatements(rows, totals, rollup is null ? [] : [rollup]);
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
