using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Rollups;

namespace Northstar.Core.Compiling;

/// <summary>A subject's fact table, joined only to the dimension tables its expressions use.</summary>
internal sealed class FactSource(Subject subject, TimeDimension time) : AggregateSource
{
    private readonly HashSet<string> _joins = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override SqlExpression Dimension(string name)
    {
        var dimension = subject.Dimensions[name];
        return Column(new ColumnRef(dimension.Join, dimension.Column));
    }

    /// <inheritdoc />
    public override SqlExpression Date => new SqlColumn(SubjectAggregate.Fact, time.DateColumn);

    /// <inheritdoc />
    public override SqlExpression Hour => new SqlColumn(SubjectAggregate.Fact, time.HourColumn!);

    /// <inheritdoc />
    public override SqlExpression Branch => new SqlColumn(SubjectAggregate.Fact, subject.Scope.Branch!);

    /// <inheritdoc />
    public override SqlExpression Employee => new SqlColumn(SubjectAggregate.Fact, subject.Scope.Employee!);

    /// <summary>
    /// Sums are 0, not null, over a group without matching rows (a day without refunds has refunds 0); counts are 0
    /// already; min, max, average and percentile stay null: there is no value.
    /// </summary>
    public override SqlExpression Measure(Measure measure)
    {
        if (measure.Aggregation == Aggregation.Percentile)
        {
            return new SqlPercentile(measure.Fraction!.Value, Column(measure.Column!), Filter(measure));
        }

        var aggregate = Aggregate(measure, measure.Aggregation switch
        {
            Aggregation.Sum => "sum",
            Aggregation.Count or Aggregation.CountDistinct => "count",
            Aggregation.Avg => "avg",
            Aggregation.Min => "min",
            Aggregation.Max => "max",
            _ => throw new InvalidOperationException($"Unknown aggregation {measure.Aggregation}."),
        }, measure.Aggregation == Aggregation.CountDistinct);
        return measure.Aggregation == Aggregation.Sum ? new SqlFunction("coalesce", [aggregate, new SqlNumber(0)]) : aggregate;
    }

    /// <summary>
    /// The partial aggregates a rollup keeps of <paramref name="measure"/>, with their columns: the measure itself
    /// (a distinct count too: the rollup was checked to keep it, see <see cref="DistinctCounts"/>), or the sum and the
    /// count of the values of an average (re-aggregated as Σsum / Σcount).
    /// </summary>
    public IEnumerable<SqlSelectItem> Partials(Measure measure)
    {
        switch (measure.Aggregation)
        {
            case Aggregation.Avg:
                yield return new SqlSelectItem(Aggregate(measure, "sum", distinct: false), RollupColumns.AverageSum(measure.Name));
                yield return new SqlSelectItem(Aggregate(measure, "count", distinct: false), RollupColumns.AverageCount(measure.Name));
                break;
            default:
                yield return new SqlSelectItem(Measure(measure), RollupColumns.Measure(measure.Name));
                break;
        }
    }

    /// <inheritdoc />
    public override SqlSource From => new SqlTableSource(SqlTable.Parse(subject.Table), SubjectAggregate.Fact);

    /// <inheritdoc />
    public override IReadOnlyList<SqlJoin> Joins => subject.Joins.Values
        .Where(join => _joins.Contains(join.Name))
        .Select(join => new SqlJoin(
            SqlTable.Parse(join.Table), join.Name,
            new SqlBinary(SqlBinaryOperator.Equal,
                          new SqlColumn(join.Name, join.TargetColumn), new SqlColumn(SubjectAggregate.Fact, join.FactColumn))))
        .ToList();

    private SqlFunction Aggregate(Measure measure, string function, bool distinct)
    {
        SqlExpression argument = measure.Column is null ? new SqlStar() : Column(measure.Column);
        return new SqlFunction(function, [argument], distinct, Filter(measure));
    }

    private SqlExpression? Filter(Measure measure) =>
        Conditions.All(measure.Filter.Select(condition => SubjectAggregate.Condition(this, subject, condition)));

    private SqlColumn Column(ColumnRef column)
    {
        if (column.Join is not null)
        {
            _joins.Add(column.Join);
        }

        return new SqlColumn(column.Join ?? SubjectAggregate.Fact, column.Column);
    }
}
