using System.Text.Json;

namespace Northstar.Core.Queries;

/// <summary>
/// A question, as the API receives it (JSON, snake_case members). Names are model members; values are data. Nothing
/// here is trusted: the compiler validates every field and reports errors by field path (<c>filters[1].op</c>).
/// </summary>
public sealed record QuerySpec
{
    /// <summary>
    /// A named analysis (<c>cohort_retention</c>, <c>customer_value</c>, <c>customer_segments</c>) instead of metrics:
    /// then only <see cref="Time"/> (its range) and dimension <see cref="Filters"/> may be given.
    /// </summary>
    public string? Analysis { get; init; }

    /// <summary>Metric names; at least one (none with an analysis).</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>Dimension names to group by (besides time).</summary>
    public IReadOnlyList<string>? Dimensions { get; init; }

    /// <summary>The time dimension, grain and range; null: all time, no time grouping.</summary>
    public TimeSpec? Time { get; init; }

    /// <summary>Filters on dimensions (WHERE) and on metrics (HAVING).</summary>
    public IReadOnlyList<FilterSpec>? Filters { get; init; }

    /// <summary>Named segments of the metrics' subjects, applied as filters.</summary>
    public IReadOnlyList<string>? Segments { get; init; }

    /// <summary><c>previous_period</c> or <c>previous_year</c>; null: no comparison.</summary>
    public string? Compare { get; init; }

    /// <summary>Sort order: metric, dimension or the time dimension's name.</summary>
    public IReadOnlyList<OrderSpec>? Order { get; init; }

    /// <summary>Row limit; at most the configured maximum.</summary>
    public int? Limit { get; init; }
}

/// <summary>The time part of a query.</summary>
public sealed record TimeSpec
{
    /// <summary>A time dimension of the metrics' subject(s); null: each subject's default.</summary>
    public string? Dimension { get; init; }

    /// <summary><c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>, <c>year</c>; null: no grouping by time.</summary>
    public string? Grain { get; init; }

    /// <summary>The range; null: all time.</summary>
    public RangeSpec? Range { get; init; }
}

/// <summary>A preset (<c>last_30_days</c>...) or inclusive dates <c>from</c>..<c>to</c> (yyyy-MM-dd).</summary>
public sealed record RangeSpec
{
    public string? Preset { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }
}

/// <summary>A filter: a member, an operator (wire name) and its values (JSON scalars).</summary>
public sealed record FilterSpec
{
    public string? Member { get; init; }

    public string? Op { get; init; }

    public IReadOnlyList<JsonElement>? Values { get; init; }
}

/// <summary>One sort key.</summary>
public sealed record OrderSpec
{
    public string? Member { get; init; }

    public bool Desc { get; init; }
}
