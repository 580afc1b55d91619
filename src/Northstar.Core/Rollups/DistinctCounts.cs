using Northstar.Core.Model;

namespace Northstar.Core.Rollups;

/// <summary>Decides whether, and how, a rollup can keep a distinct-count measure and still answer exactly.</summary>
public static class DistinctCounts
{
    /// <summary>How <paramref name="rollup"/> of <paramref name="subject"/> keeps the distinct count <paramref name="measure"/>.</summary>
    public static (DistinctCountKeeping How, string? Dimension) Keeping(Subject subject, Rollup rollup, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Column is { } counted
            && rollup.Dimensions.FirstOrDefault(name => subject.Dimensions[name] is var dimension
                                                        && dimension.Join == counted.Join && dimension.Column == counted.Column) is { } byDimension)
        {
            return (DistinctCountKeeping.ByDimension, byDimension);
        }

        return measure.Determines.Count > 0 && UndeterminedBucketColumns(subject, rollup, measure).Count == 0
            ? (DistinctCountKeeping.Additive, null)
            : (DistinctCountKeeping.None, null);
    }

    /// <summary>
    /// The fact columns the rollup's buckets are keyed by (date, hour, branch scope, each dimension's fact column or join
    /// key) that <paramref name="measure"/> does not declare it determines.
    /// </summary>
    public static IReadOnlyList<string> UndeterminedBucketColumns(Subject subject, Rollup rollup, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(measure);
        return [.. BucketColumns(subject, rollup).Where(column => !measure.Determines.Contains(column, StringComparer.Ordinal))];
    }

    private static IEnumerable<string> BucketColumns(Subject subject, Rollup rollup)
    {
        var time = subject.TimeDimensions[rollup.TimeDimension];
        var columns = new List<string> { time.DateColumn };
        if (rollup.Grain == Grain.Hour && time.HourColumn is { } hour)
            columns.Add(hour);
        if (subject.Scope.Branch is { } branch)
            columns.Add(branch);
        foreach (var dimension in rollup.Dimensions.Select(name => subject.Dimensions[name]))
            columns.Add(dimension.Join is { } join ? subject.Joins[join].FactColumn : dimension.Column);
        return columns.Distinct(StringComparer.Ordinal);
    }
}
