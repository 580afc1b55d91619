using Northstar.Core.Model;

namespace Northstar.Core.Rollups;

/// <summary>
/// The names of a rollup's table and columns. The time, dimension and measure columns are named like the output of a
/// subject's aggregate in a compiled query (<c>t</c>, <c>d_&lt;dimension&gt;</c>, <c>m_&lt;measure&gt;</c>), so that
/// the table reads like a pre-computed aggregate.
/// </summary>
public static class RollupColumns
{
    /// <summary>The schema of every rollup table.</summary>
    public const string Schema = "rollups";

    /// <summary>The bucket's local date.</summary>
    public const string Time = "t";

    /// <summary>The bucket's local hour (hour-grain rollups only).</summary>
    public const string Hour = "h";

    /// <summary>The fact's branch scope column value (a location key), when the subject declares one.</summary>
    public const string Branch = "s_branch";

    /// <summary>The column of a dimension.</summary>
    public static string Dimension(string dimension) => "d_" + dimension;

    /// <summary>The column of a sum, count, min or max measure.</summary>
    public static string Measure(string measure) => "m_" + measure;

    /// <summary>The column of the sum of an average measure's values.</summary>
    public static string AverageSum(string measure) => "m_" + measure + "_sum";

    /// <summary>The column of the count of an average measure's values.</summary>
    public static string AverageCount(string measure) => "m_" + measure + "_count";

    /// <summary>
    /// The column of a distinct count kept by the counted value's dimension (<see cref="DistinctCountKeeping.ByDimension"/>):
    /// on each row where the value is counted, the previous day on which it was counted (null: never before). A row
    /// whose previous day lies before a range is the value's first in that range, so the range's distinct count is a
    /// plain count of such rows.
    /// </summary>
    public static string PreviousDay(string measure) => "p_" + measure;

    /// <summary>The table of <paramref name="rollup"/>, without schema: its name.</summary>
    public static string Table(Rollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return rollup.Name;
    }
}
