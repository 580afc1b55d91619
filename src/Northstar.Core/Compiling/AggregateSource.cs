using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>
/// Where a subject's aggregate reads its rows, aliased <see cref="SubjectAggregate.Fact"/>: the fact table with the
/// joins its columns need (<see cref="FactSource"/>), or a rollup table whose partial aggregates are re-aggregated
/// (<see cref="RollupSource"/>). The aggregate's shape (buckets, filters, scope, grouping) is the same for both.
/// </summary>
internal abstract class AggregateSource
{
    /// <summary>The value of a dimension of the subject.</summary>
    public abstract SqlExpression Dimension(string name);

    /// <summary>The local date of a row.</summary>
    public abstract SqlExpression Date { get; }

    /// <summary>The local hour of a row (only asked for at the hour grain).</summary>
    public abstract SqlExpression Hour { get; }

    /// <summary>The branch scope column (a location key).</summary>
    public abstract SqlExpression Branch { get; }

    /// <summary>The employee scope column (an employee key).</summary>
    public abstract SqlExpression Employee { get; }

    /// <summary>The aggregate of <paramref name="measure"/> over the rows of a group.</summary>
    public abstract SqlExpression Measure(Measure measure);

    /// <summary>The table read, with its alias.</summary>
    public abstract SqlSource From { get; }

    /// <summary>The joins the expressions handed out so far need.</summary>
    public abstract IReadOnlyList<SqlJoin> Joins { get; }
}
