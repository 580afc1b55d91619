namespace Northstar.Core.Queries;

/// <summary>
/// An answer: columns, rows (values in column order: time buckets as dates or timestamps, numbers as decimal or long),
/// totals by metric name, and the comparison when asked for.
/// </summary>
public sealed record QueryAnswer(
    IReadOnlyList<ResultColumn> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyDictionary<string, object?> Totals,
    ComparisonAnswer? Comparison);

/// <summary>
/// The comparison: per row of the answer (same order) and for the totals, each metric's comparison value, absolute
/// delta and percent delta. A row with no counterpart has null comparison values and deltas (not zero); a percent
/// delta is null when the comparison value is zero or null.
/// </summary>
public sealed record ComparisonAnswer(
    string Kind,
    DateRange Range,
    IReadOnlyList<IReadOnlyDictionary<string, MetricComparison>> Rows,
    IReadOnlyDictionary<string, MetricComparison> Totals);

/// <summary>A metric's comparison value and deltas (current − previous; percent as a fraction, 0.25 = +25%).</summary>
public sealed record MetricComparison(object? Previous, decimal? Delta, decimal? Percent);
