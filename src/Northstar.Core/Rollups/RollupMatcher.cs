using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Rollups;

/// <summary>
/// Chooses, for each subject a query reads, the rollup that can answer it exactly, if any: a rollup of that subject and
/// time dimension, at a grain no finer than the query's (day answers day to year; hour answers every grain), holding
/// every dimension the query groups or filters by (its segments' included) and every base measure it needs, under a
/// scope the rollup can enforce (unrestricted, a window of days, or branches). Of several, the smallest: one that does not
/// group by counted values (a customer id, to keep distinct customers) before one that does, a day rollup before an hour
/// rollup (which holds up to 24 buckets a day, more than an extra dimension usually multiplies), then the fewest
/// dimensions, then by name. A question answered in one row over every row of its range (the KPI cards) also takes a
/// rollup without a distinct count it asks for, when another rollup keeps that count by its value's dimension: the
/// count is then read from that rollup's first-seen table.
/// </summary>
internal static class RollupMatcher
{
    /// <summary><paramref name="query"/> with a rollup on every part one can answer.</summary>
    public static ValidatedQuery Apply(SemanticModel model, ValidatedQuery query, QueryScope scope) =>
        query with { Parts = [.. query.Parts.Select(part => WithRollup(model, query, scope, part))] };

    private static SubjectPart WithRollup(SemanticModel model, ValidatedQuery query, QueryScope scope, SubjectPart part)
    {
        var keepers = FirstSeenKeepers(model, part);
        var oneRow = query.Time is null && query.Dimensions.Count == 0 && query.MetricFilters.Count == 0
                     && SubjectAggregate.ReadsEveryRow(query, scope);
        if (Find(model, query, scope, part, oneRow ? keepers : new Dictionary<string, Rollup>()) is not { } rollup)
        {
            return part;
        }

        // The rollup's own count when it adds up or is kept by value there; else the keeper's.
        var firstSeen = new Dictionary<string, Rollup>(StringComparer.Ordinal);
        foreach (var (measure, keeper) in keepers)
        {
            var own = rollup.Measures.Contains(measure) ? DistinctCounts.Keeping(part.Subject, rollup, (Measure)model.Metrics[measure]).How : (DistinctCountKeeping?)null;
            if (own != DistinctCountKeeping.Additive)
            {
                firstSeen[measure] = own == DistinctCountKeeping.ByDimension ? rollup : keeper;
            }
        }

        return part with { Rollup = rollup, FirstSeen = firstSeen };
    }

    // Per distinct count of the part, the first rollup by name that keeps it by its value's dimension.
    private static Dictionary<string, Rollup> FirstSeenKeepers(SemanticModel model, SubjectPart part) =>
        part.Measures.Where(measure => measure.Aggregation == Aggregation.CountDistinct)
            .Select(measure => (measure.Name, Keeper: model.Rollups
                .Where(rollup => rollup.Subject == part.Subject.Name && rollup.TimeDimension == part.Time.Name)
                .Where(rollup => RollupTable.HasSupportedGrain(rollup) && rollup.Measures.Contains(measure.Name))
                .Where(rollup => DistinctCounts.Keeping(part.Subject, rollup, measure).How == DistinctCountKeeping.ByDimension)
                .OrderBy(rollup => rollup.Name, StringComparer.Ordinal)
                .FirstOrDefault()))
            .Where(kept => kept.Keeper is not null)
            .ToDictionary(kept => kept.Name, kept => kept.Keeper!, StringComparer.Ordinal);

    /// <summary>
    /// How many of the rollup's dimensions it groups by to keep a distinct count (a customer id): such a rollup holds
    /// about one row per counted value a day, so it is the last choice of those that can answer.
    /// </summary>
    private static int CountedValueDimensions(SemanticModel model, Rollup rollup)
    {
        var subject = model.Subjects[rollup.Subject];
        return rollup.Measures.Select(name => model.Metrics[name]).OfType<Measure>()
            .Select(measure => DistinctCounts.Keeping(subject, rollup, measure))
            .Where(keeping => keeping.How == DistinctCountKeeping.ByDimension)
            .Select(keeping => keeping.Dimension)
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    // countedElsewhere: the distinct counts the rollup need not hold (first-seen tables count them).
    private static Rollup? Find(SemanticModel model, ValidatedQuery query, QueryScope scope, SubjectPart part,
                                IReadOnlyDictionary<string, Rollup> countedElsewhere)
    {
        // The rollup has no employee column; a branch restriction needs its branch column.
        if (scope.EmployeeId is not null || (scope.Branches is not null && part.Subject.Scope.Branch is null))
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
            .Where(rollup => part.Measures.All(measure => rollup.Measures.Contains(measure.Name) || countedElsewhere.ContainsKey(measure.Name)))
            .OrderBy(rollup => CountedValueDimensions(model, rollup))
            .ThenByDescending(rollup => rollup.Grain)
            .ThenBy(rollup => rollup.Dimensions.Count)
            .ThenBy(rollup => rollup.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
