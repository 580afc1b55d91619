using Northstar.Core.Rollups;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// Reads a rollup once every subject is known: it names a subject, one of its time dimensions with a grain that
/// dimension supports, dimensions of the subject and at least one measure of the subject.
/// </summary>
internal static class RollupReader
{
    private static readonly string[] Keys = ["subject", "time", "grain", "dimensions", "measures"];

    public static Rollup? Read(
        string name, ModelNode node,
        IReadOnlyDictionary<string, Subject> subjects, IReadOnlyDictionary<string, DeclaredMetric> metrics)
    {
        var map = node.Map(Keys);
        if (map is null)
        {
            return null;
        }

        var subjectNode = map.Required("subject");
        var subjectName = subjectNode?.Identifier();
        var subject = subjectName is null ? null : subjects.GetValueOrDefault(subjectName);
        if (subjectName is not null && subject is null)
        {
            subjectNode!.Error($"'{subjectName}' is not a subject of the model");
        }

        var timeNode = map.Required("time");
        var time = timeNode?.Identifier();
        var grainNode = map.Required("grain");
        var grain = grainNode?.OneOf(WireNames.Grains);
        var dimensions = map.Optional("dimensions")?.IdentifierList() ?? [];
        var measuresNode = map.Required("measures");
        var measures = measuresNode?.IdentifierList();
        if (subject is null || time is null || grain is null || measures is null)
        {
            return null;
        }

        var errorCount = node.Errors.Count;
        if (!subject.TimeDimensions.TryGetValue(time, out var timeDimension))
        {
            timeNode!.Error($"'{time}' is not a time dimension of subject '{subject.Name}'");
        }
        else if (grain == Grain.Hour && timeDimension.HourColumn is null)
        {
            grainNode!.Error($"the time dimension '{time}' has no hour column, so it cannot be rolled up by hour");
        }
        else if (grain is not (Grain.Day or Grain.Hour))
        {
            // A range may start or end inside a coarser bucket, which a rollup could then not answer exactly.
            grainNode!.Error("a rollup is by day or by hour");
        }

        CheckMembers(dimensions, d => subject.Dimensions.ContainsKey(d) ? null : $"is not a dimension of subject '{subject.Name}'");
        CheckMembers(measures, m => metrics.GetValueOrDefault(m) switch
        {
            null => "is not a metric of the model",
            { Metric: null } => null, // an invalid declaration, already reported
            { Metric: DerivedMetric } => "is a derived metric: list the measures it is computed from",
            { Metric: Measure measure } when measure.Subject != subject.Name =>
                $"is a measure of subject '{measure.Subject}', not of '{subject.Name}'",
            _ => null,
        });
        if (measures.Count == 0)
        {
            measuresNode!.Error("at least one measure is required");
        }

        if (node.Errors.Count > errorCount)
        {
            return null;
        }

        var rollup = new Rollup(name, subject.Name, time, grain.Value, [.. dimensions.Select(d => d.Name)],
            [.. measures.Select(m => m.Name)], node.Source);
        foreach (var (measureName, measureNode) in measures)
        {
            if (metrics[measureName].Metric is Measure { Aggregation: Aggregation.Percentile })
            {
                measureNode.Error($"'{measureName}' is a percentile: {RollupTable.PercentileAdvice}");
            }
            else if (metrics[measureName].Metric is Measure measure && !RollupTable.CanKeep(subject, rollup, measure))
            {
                measureNode.Error($"'{measureName}' is a distinct count this rollup cannot keep: {RollupTable.DistinctCountAdvice(subject, rollup, measure)}");
            }
        }

        return node.Errors.Count > errorCount ? null : rollup;
    }

    /// <summary>Reports repeated items and the problem <paramref name="problem"/> finds with an item (null: none).</summary>
    private static void CheckMembers(IReadOnlyList<(string Name, ModelNode Node)> items, Func<string, string?> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, node) in items)
        {
            if (!seen.Add(name))
            {
                node.Error($"'{name}' is listed twice");
            }
            else if (problem(name) is { } message)
            {
                node.Error($"'{name}' {message}");
            }
        }
    }
}
