namespace Northstar.Core.Model.Loading;

/// <summary>Checks that derived metrics reference existing metrics and that no metric depends on itself.</summary>
internal static class MetricGraph
{
    public static void Check(IReadOnlyDictionary<string, DeclaredMetric> metrics)
    {
        foreach (var declared in metrics.Values)
        {
            if (declared.Metric is DerivedMetric derived)
            {
                foreach (var reference in MetricExpressionParser.References(derived.Parsed).Where(r => !metrics.ContainsKey(r)))
                {
                    declared.Expression!.Error($"'{{{reference}}}' is not a metric of the model");
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in metrics.Keys)
        {
            Visit(name, [], done, metrics);
        }
    }

    /// <summary>Depth-first walk; <paramref name="path"/> is the chain of metrics being expanded.</summary>
    private static void Visit(string name, List<string> path, HashSet<string> done, IReadOnlyDictionary<string, DeclaredMetric> metrics)
    {
        if (done.Contains(name) || !metrics.TryGetValue(name, out var declared) || declared.Metric is not DerivedMetric derived)
        {
            return;
        }

        var cycleStart = path.IndexOf(name);
        if (cycleStart >= 0)
        {
            var cycle = path[cycleStart..].Append(name);
            metrics[path[cycleStart]].Expression!.Error($"metrics depend on themselves: {string.Join(" → ", cycle)}");
            return;
        }

        path.Add(name);
        foreach (var reference in MetricExpressionParser.References(derived.Parsed))
        {
            Visit(reference, path, done, metrics);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(name);
    }
}
