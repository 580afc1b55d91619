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

    /// <summary>
    /// The table of first-seen counts of a distinct count <paramref name="measure"/> kept by its value's dimension in
    /// <paramref name="rollup"/>: per day (<see cref="Time"/>) and previous day (<see cref="FirstSeenPrevious"/>), how
    /// many values counted on the day had that previous day (<see cref="FirstSeenCount"/>). The distinct count over a
    /// whole range is the sum of the counts of its days whose previous day lies before the range: a few rows a day
    /// instead of one per value.
    /// </summary>
    public static string FirstSeenTable(Rollup rollup, string measure)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return rollup.Name + "_" + measure + "_first_seen";
    }

    /// <summary>The previous day of a first-seen table's values (null: never counted before).</summary>
    public const string FirstSeenPrevious = "previous_day";

    /// <summary>How many values of a first-seen table's day had its previous day.</summary>
    public const string FirstSeenCount = "counted";

    /// <summary>The table of <paramref name="rollup"/>, without schema: its name.</summary>
    public static string Table(Rollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return rollup.Name;
    }
}
