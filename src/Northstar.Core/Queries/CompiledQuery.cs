using Northstar.Core.Model;

namespace Northstar.Core.Queries;

/// <summary>
/// A compiled query: the statements to run (rendered for one dialect, values bound as positional parameters
/// <c>$1..$n</c>), and what is needed to turn their rows into an answer (the answer assembler).
/// </summary>
/// <param name="Columns">The answer's columns, in order: time bucket (when grouped by time), dimensions, metrics.</param>
/// <param name="Rows">The rows: one per group, ordered and limited.</param>
/// <param name="Totals">One row, the metrics over all rows that match (computed, not summed). When the answer is a
/// single ungrouped row, this is the <see cref="Rows"/> statement itself (the same object), to run once.</param>
/// <param name="Comparison">The same two statements over the comparison range; null without compare.</param>
/// <param name="Range">The range asked for (inclusive local dates), after presets and scope clamping; null: all time.</param>
/// <param name="Subjects">The data subjects read (for cache keys: their data versions).</param>
/// <param name="Rollup">The rollup that answers, or null for the base tables.</param>
/// <param name="NormalizedKey">A canonical text of the spec and the scope: equal for questions that are the same.</param>
public sealed record CompiledQuery(
    IReadOnlyList<ResultColumn> Columns,
    SqlStatement Rows,
    SqlStatement Totals,
    ComparisonQuery? Comparison,
    DateRange? Range,
    IReadOnlyList<string> Subjects,
    string? Rollup,
    string NormalizedKey)
{
    /// <summary>The grain of the time column, when the answer is grouped by time: the comparison rows are matched on
    /// the bucket shifted back by the comparison, truncated to this grain.</summary>
    public Grain? TimeGrain { get; init; }
}

/// <summary>The comparison statements and how the comparison range relates to the asked range.</summary>
/// <param name="Kind"><c>previous_period</c> or <c>previous_year</c>.</param>
/// <param name="Range">The comparison range.</param>
/// <param name="Rows">Rows over the comparison range, with the same columns.</param>
/// <param name="Totals">Totals over the comparison range.</param>
public sealed record ComparisonQuery(string Kind, DateRange Range, SqlStatement Rows, SqlStatement Totals);

/// <summary>One statement: SQL text and its positional parameter values (<c>$1</c> is <c>Parameters[0]</c>).</summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<object?> Parameters);

/// <summary>An inclusive range of local dates.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Days in the range.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>A column of an answer, named after its member (the time column after the time dimension).</summary>
public sealed record ResultColumn(string Name, string Label, DataType Type, ValueFormat Format, ColumnRole Role);

/// <summary>What a column is.</summary>
public enum ColumnRole
{
    Time,
    Dimension,
    Metric,
}
