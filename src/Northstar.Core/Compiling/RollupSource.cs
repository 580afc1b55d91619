using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;

namespace Northstar.Core.Compiling;

/// <summary>
/// A rollup table standing in for a subject's fact table: dimensions, date, hour and branch are its columns, and each
/// measure re-aggregates its partial aggregates (the measure's own filter was applied when the rollup was filled).
/// </summary>
/// <param name="subject">The subject the rollup aggregates.</param>
/// <param name="rollup">The rollup.</param>
/// <param name="firstSeen">Per distinct count the rollup cannot add up, the rollup keeping it by its value's dimension
/// (<see cref="SubjectPart.FirstSeen"/>).</param>
/// <param name="wholeRange">Set when the aggregate is one row over a whole range of days (no buckets, groups, filters or
/// scope): such a distinct count then sums the values first seen in the range from the keeper's first-seen table.</param>
internal sealed class RollupSource(Subject subject, Rollup rollup, IReadOnlyDictionary<string, Rollup> firstSeen, WholeRange? wholeRange)
    : AggregateSource
{
    /// <inheritdoc />
    public override SqlExpression Dimension(string name) => Column(RollupColumns.Dimension(name));

    /// <inheritdoc />
    public override SqlExpression Date => Column(RollupColumns.Time);

    /// <inheritdoc />
    public override SqlExpression Hour => Column(RollupColumns.Hour);

    /// <inheritdoc />
    public override SqlExpression Branch => Column(RollupColumns.Branch);

    /// <inheritdoc />
    public override SqlExpression Employee =>
        throw new InvalidOperationException($"The rollup '{rollup.Name}' has no employee column: employee-scoped queries read the fact table.");

    /// <summary>
    /// Sums and counts add up (a count's sum cast back to the bigint a count is; both 0 over no rows, like the fact
    /// table's); min and max of partial minima and maxima; an average is Σsum / Σcount. A distinct count adds up when
    /// the measure determines the rollup's buckets, or is counted again over the values of the rollup's dimension on
    /// the counted column (<see cref="DistinctCounts"/>).
    /// </summary>
    public override SqlExpression Measure(Measure measure) => measure.Aggregation switch
    {
        Aggregation.Sum => Sum(RollupColumns.Measure(measure.Name)),
        Aggregation.Count => new SqlCast(Sum(RollupColumns.Measure(measure.Name)), DataType.Integer),
        Aggregation.CountDistinct => DistinctCount(measure),
        Aggregation.Min => new SqlFunction("min", [Column(RollupColumns.Measure(measure.Name))]),
        Aggregation.Max => new SqlFunction("max", [Column(RollupColumns.Measure(measure.Name))]),
        Aggregation.Avg => new SqlBinary(SqlBinaryOperator.Divide,
                                         new SqlFunction("sum", [Column(RollupColumns.AverageSum(measure.Name))]),
                                         new SqlFunction("sum", [Column(RollupColumns.AverageCount(measure.Name))])),
        _ => throw new InvalidOperationException($"The rollup '{rollup.Name}' cannot answer the {measure.Aggregation} measure '{measure.Name}'."),
    };

    /// <inheritdoc />
    public override SqlSource From => new SqlTableSource(new SqlTable(RollupColumns.Schema, RollupColumns.Table(rollup)), SubjectAggregate.Fact);

    /// <inheritdoc />
    public override IReadOnlyList<SqlJoin> Joins => [];

    private SqlExpression DistinctCount(Measure measure)
    {
        var keeping = rollup.Measures.Contains(measure.Name) ? DistinctCounts.Keeping(subject, rollup, measure) : (DistinctCountKeeping.None, null);
        return keeping switch
        {
            (DistinctCountKeeping.Additive, _) => new SqlCast(Sum(RollupColumns.Measure(measure.Name)), DataType.Integer),
            // The maximum of the one value keeps the select an aggregate of one row when no other measure is one (a
            // question of distinct customers alone); over no rows of the range there are no values to count either.
            _ when wholeRange is not null && firstSeen.TryGetValue(measure.Name, out var keeper) => new SqlCast(
                new SqlFunction("coalesce", [new SqlFunction("max", [new SqlScalarSubquery(FirstSeenInRange(keeper, measure, wholeRange.Range))]), new SqlNumber(0)]),
                DataType.Integer),
            (DistinctCountKeeping.ByDimension, { } dimension) => new SqlFunction(
                "count", [Column(RollupColumns.Dimension(dimension))], Distinct: true,
                new SqlBinary(SqlBinaryOperator.Greater, Column(RollupColumns.Measure(measure.Name)), new SqlNumber(0))),
            _ => throw new InvalidOperationException($"The rollup '{rollup.Name}' cannot answer the distinct count '{measure.Name}'."),
        };
    }

    // The values counted on the range's days whose previous day lies before the range (all time: that have none).
    private static SqlSelect FirstSeenInRange(Rollup keeper, Measure measure, DateRange? range)
    {
        const string alias = "first_seen";
        var day = new SqlColumn(alias, RollupColumns.Time);
        var previous = new SqlColumn(alias, RollupColumns.FirstSeenPrevious);
        var never = new SqlUnary(SqlUnaryOperator.IsNull, previous);
        return new SqlSelect
        {
            Columns = [new SqlSelectItem(new SqlFunction("coalesce", [new SqlFunction("sum", [new SqlColumn(alias, RollupColumns.FirstSeenCount)]), new SqlNumber(0)]), "counted")],
            From = new SqlTableSource(new SqlTable(RollupColumns.Schema, RollupColumns.FirstSeenTable(keeper, measure.Name)), alias),
            Where = range is null
                ? never
                : Conditions.All(
                [
                    new SqlBinary(SqlBinaryOperator.GreaterOrEqual, day, new SqlParameter(range.From)),
                    new SqlBinary(SqlBinaryOperator.LessOrEqual, day, new SqlParameter(range.To)),
                    new SqlBinary(SqlBinaryOperator.Or, never, new SqlBinary(SqlBinaryOperator.Less, previous, new SqlParameter(range.From))),
                ]),
        };
    }

    private static SqlFunction Sum(string column) => new("coalesce", [new SqlFunction("sum", [Column(column)]), new SqlNumber(0)]);

    private static SqlColumn Column(string name) => new(SubjectAggregate.Fact, name);
}

/// <summary>An aggregate that is one row over the days of <paramref name="Range"/> (null: all time).</summary>
internal sealed record WholeRange(DateRange? Range);
