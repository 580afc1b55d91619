using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>A query spec after validation: every name resolved against the model, every value converted.</summary>
/// <param name="Metrics">The metrics asked for, in order.</param>
/// <param name="Dimensions">The dimensions to group by, in order (as declared by the first subject; conformed).</param>
/// <param name="Time">The time column of the answer; null: not grouped by time.</param>
/// <param name="Range">The range of local dates; null: all time.</param>
/// <param name="DimensionFilters">Filters on dimensions (WHERE).</param>
/// <param name="MetricFilters">Filters on metrics (HAVING).</param>
/// <param name="Segments">Segment names, applied in every subject.</param>
/// <param name="Compare">The comparison kind; null: none.</param>
/// <param name="Order">Sort keys by output column name.</param>
/// <param name="Limit">The row limit.</param>
/// <param name="Parts">The subjects read, each with its time dimension and the base measures it computes.</param>
internal sealed record ValidatedQuery(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Dimension> Dimensions,
    TimeColumn? Time,
    DateRange? Range,
    IReadOnlyList<ValidFilter> DimensionFilters,
    IReadOnlyList<ValidFilter> MetricFilters,
    IReadOnlyList<string> Segments,
    string? Compare,
    IReadOnlyList<ValidOrder> Order,
    int Limit,
    IReadOnlyList<SubjectPart> Parts);

/// <summary>The answer's time column: named after the time dimension, bucketed at a grain.</summary>
internal sealed record TimeColumn(string Name, string Label, Grain Grain);

/// <summary>A validated filter; values are the .NET values to bind.</summary>
internal sealed record ValidFilter(string Member, FilterOp Op, IReadOnlyList<object?> Values);

/// <summary>A validated sort key: an output column.</summary>
internal sealed record ValidOrder(string Member, bool Descending);

/// <summary>
/// One subject read by a query: its time dimension (for the range and buckets) and its base measures, read from the
/// fact table or, when <see cref="Rollup"/> is set, re-aggregated from that rollup's table.
/// </summary>
internal sealed record SubjectPart(Subject Subject, TimeDimension Time, IReadOnlyList<Measure> Measures)
{
    /// <summary>The rollup that answers this part; null: the fact table.</summary>
    public Rollup? Rollup { get; init; }

    /// <summary>
    /// With <see cref="Rollup"/>: per distinct count the rollup cannot add up, the rollup keeping it by its value's
    /// dimension whose first-seen table (<see cref="Rollups.RollupColumns.FirstSeenTable"/>) counts it over a whole range.
    /// </summary>
    public IReadOnlyDictionary<string, Rollup> FirstSeen { get; init; } = new Dictionary<string, Rollup>(StringComparer.Ordinal);
}
