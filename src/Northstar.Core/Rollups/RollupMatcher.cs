using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Rollups;

/// <summary>
/// Chooses, for each subject a query reads, the rollup that can answer it exactly, if any: a rollup of that subject and
/// time dimension, at a grain no finer than the query's (day answers day to year; hour answers every grain), holding
/// every dimension the query groups or filters by (its segments' included) and every base measure it needs, under a
/// scope the rollup can enforce (unrestricted, a window of days, or branches). Of several, the smallest: a day rollup
/// before an hour rollup (which holds up to 24 buckets a day, more than an extra dimension usually multiplies), then the
/// fewest dimensions, then by name.
/// </summary>
internal static class RollupMatcher
{
    /// <summary><paramref name="query"/> with a rollup on every part one can answer.</summary>
    public static ValidatedQuery Apply(SemanticModel model, ValidatedQuery query, QueryScope scope) =>
        query with { Parts = [.. query.Parts.Select(part => part with { Rollup = Find(model, query, scope, part) })] };

    private static Rollup? Find(SemanticModel model, ValidatedQuery query, QueryScope scope, SubjectPart part)
    {
        // The rollup has no employee column; a branch restriction needs its branch column.
        if (scope.EmployeeId is not null || (scope.Branches is not null && part.Subject.Scope.Branch is null))
        {
            return null;
        }

        if (part.Measures.Any(measure => !RollupTable.CanKeep(measure)))
        {
            return null;
        }

        var dimensions = query.Dimensions.Select(dimension => dimension.Name)
            .Concat(query.DimensionFilters.Select(filter => filter.Member))
            .Concat(query.Segments.SelectMany(segment => part.Subject.Segments[segment].Conditions).Select(condition => condition.Dimension))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return model.Rollups
            .Where(rollup => rollup.Subject == part.Subject.Name && rollup.TimeDimension == part.Time.Name)
            .Where(RollupTable.HasSupportedGrain)
            .Where(rollup => query.Time is null || rollup.Grain == Grain.Hour || query.Time.Grain != Grain.Hour)
            .Where(rollup => dimensions.All(rollup.Dimensions.Contains))
            .Where(rollup => part.Measures.All(measure => rollup.Measures.Contains(measure.Name)))
            .OrderByDescending(rollup => rollup.Grain)
            .ThenBy(rollup => rollup.Dimensions.Count)
            .ThenBy(rollup => rollup.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
