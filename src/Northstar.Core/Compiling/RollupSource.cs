using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Rollups;

namespace Northstar.Core.Compiling;

/// <summary>
/// A rollup table standing in for a subject's fact table: dimensions, date, hour and branch are its columns, and each
/// measure re-aggregates its partial aggregates (the measure's own filter was applied when the rollup was filled).
/// </summary>
/// <param name="subject">The subject the rollup aggregates.</param>
/// <param name="rollup">The rollup.</param>
/// <param name="wholeRange">Set when the aggregate is one row over a whole range of days (no buckets, groups, filters or
/// scope): a distinct count kept by its value's dimension then counts the rows on which each value is first seen in the
/// range, without a distinct.</param>
internal sealed class RollupSource(Subject subject, Rollup rollup, WholeRange? wholeRange = null) : AggregateSource
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

    private SqlExpression DistinctCount(Measure measure) => DistinctCounts.Keeping(subject, rollup, measure) switch
    {
        (DistinctCountKeeping.Additive, _) => new SqlCast(Sum(RollupColumns.Measure(measure.Name)), DataType.Integer),
        (DistinctCountKeeping.ByDimension, { } dimension) when wholeRange is not null => new SqlFunction(
            "count", [Column(RollupColumns.Dimension(dimension))], Distinct: false,
            new SqlBinary(SqlBinaryOperator.And, Counted(measure), FirstInRange(measure, wholeRange.From))),
        (DistinctCountKeeping.ByDimension, { } dimension) => new SqlFunction(
            "count", [Column(RollupColumns.Dimension(dimension))], Distinct: true, Counted(measure)),
        _ => throw new InvalidOperationException($"The rollup '{rollup.Name}' cannot answer the distinct count '{measure.Name}'."),
    };

    private static SqlBinary Counted(Measure measure) =>
        new(SqlBinaryOperator.Greater, Column(RollupColumns.Measure(measure.Name)), new SqlNumber(0));

    // The value's previous day is before the range (all time: it has none).
    private static SqlExpression FirstInRange(Measure measure, DateOnly? from)
    {
        var previous = Column(RollupColumns.PreviousDay(measure.Name));
        var never = new SqlUnary(SqlUnaryOperator.IsNull, previous);
        return from is { } first
            ? new SqlBinary(SqlBinaryOperator.Or, never, new SqlBinary(SqlBinaryOperator.Less, previous, new SqlParameter(first)))
            : never;
    }

    private static SqlFunction Sum(string column) => new("coalesce", [new SqlFunction("sum", [Column(column)]), new SqlNumber(0)]);

    private static SqlColumn Column(string name) => new(SubjectAggregate.Fact, name);
}

/// <summary>An aggregate that is one row over the days from <paramref name="From"/> on (null: all time).</summary>
internal sealed record WholeRange(DateOnly? From);
