namespace Northstar.Core.Model;

/// <summary>A metric a query can ask for: an aggregate of one subject, or an expression over other metrics.</summary>
public abstract record Metric(string Name, string Label, ValueFormat Format, string? Description, SourceLocation Source)
{
    /// <summary>The type of the metric's values (integer for counts, number otherwise).</summary>
    public abstract DataType Type { get; }
}

/// <summary>
/// An aggregate over a subject's fact rows: <c>sum</c>, <c>count</c> (of rows when <see cref="Column"/> is null),
/// <c>count_distinct</c>, <c>avg</c>, <c>min</c>, <c>max</c>, <c>percentile</c> (at <see cref="Fraction"/>); with
/// <see cref="Filter"/>, only over the rows for which every condition holds (<c>count where outcome = 'sold'</c>).
/// <see cref="Column"/> is a fact column (<see cref="ColumnRef.Join"/> null) or a column of one of the subject's joins.
/// </summary>
/// <remarks>
/// <see cref="Determines"/> (distinct counts only) lists fact columns that have a single value for each counted value
/// (an order's lines share its date, hour and branch): buckets by those columns never share a counted value, so a rollup
/// keyed only by them can keep the count per bucket and add it up.
/// </remarks>
public sealed record Measure(
    string Name, string Label, ValueFormat Format, string? Description, SourceLocation Source,
    string Subject, Aggregation Aggregation, ColumnRef? Column, IReadOnlyList<Condition> Filter)
    : Metric(Name, Label, Format, Description, Source)
{
    /// <inheritdoc />
    public override DataType Type =>
        Aggregation is Aggregation.Count or Aggregation.CountDistinct ? DataType.Integer : DataType.Number;

    /// <summary>For a distinct count, the fact columns that have one value per counted value; empty when none is declared.</summary>
    public IReadOnlyList<string> Determines { get; init; } = [];

    /// <summary>
    /// For a percentile, the fraction of the values at or below it, 0 &lt; fraction &lt; 1 (0.95 for a p95): the continuous
    /// percentile, interpolated between the two nearest values like <c>percentile_cont</c>. Null for other aggregations.
    /// </summary>
    public decimal? Fraction { get; init; }

    /// <summary>Whether the measure can be re-aggregated from partial aggregates (sum, count, min, max).</summary>
    public bool IsAdditive => Aggregation is Aggregation.Sum or Aggregation.Count or Aggregation.Min or Aggregation.Max;
}

/// <summary>
/// A metric computed from other metrics (<c>{revenue} / {orders}</c>), possibly of several subjects (cost per lead =
/// <c>{marketing_spend} / {leads}</c>, at the grain both share). Division by zero gives null. <see cref="Expression"/>
/// is the text as written in the model, <see cref="Parsed"/> its parsed form.
/// </summary>
public sealed record DerivedMetric(
    string Name, string Label, ValueFormat Format, string? Description, SourceLocation Source,
    string Expression, MetricExpression Parsed)
    : Metric(Name, Label, Format, Description, Source)
{
    /// <inheritdoc />
    public override DataType Type => DataType.Number;
}

/// <summary>A column of the fact table (<see cref="Join"/> null) or of one of the subject's joins.</summary>
public sealed record ColumnRef(string? Join, string Column);

/// <summary>Aggregate functions of measures.</summary>
public enum Aggregation
{
    Sum,
    Count,
    CountDistinct,
    Avg,
    Min,
    Max,

    /// <summary>A continuous percentile (<see cref="Measure.Fraction"/>): not computable from partial aggregates, so never
    /// kept by a rollup.</summary>
    Percentile,
}
