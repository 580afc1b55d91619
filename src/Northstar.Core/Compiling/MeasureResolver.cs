using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>Expands metrics into the base measures they are computed from (derived metrics recursively).</summary>
internal static class MeasureResolver
{
    // Far deeper than any sensible model; only guards against a cycle the model loader missed.
    private const int MaxDepth = 32;

    /// <summary>The distinct measures <paramref name="metric"/> needs, in the order first referenced.</summary>
    public static IReadOnlyList<Measure> Resolve(SemanticModel model, Metric metric)
    {
        var measures = new List<Measure>();
        Collect(model, metric, measures, 0);
        return measures;
    }

    private static void Collect(SemanticModel model, Metric metric, List<Measure> measures, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The metric '{metric.Name}' references itself ({metric.Source}).");
        }

        switch (metric)
        {
            case Measure measure:
                if (!measures.Contains(measure))
                {
                    measures.Add(measure);
                }

                break;
            case DerivedMetric derived:
                Collect(model, derived.Parsed, measures, depth + 1, derived);
                break;
            default:
                throw new InvalidOperationException($"Unknown metric kind {metric.GetType().Name}.");
        }
    }

    private static void Collect(SemanticModel model, MetricExpression expression, List<Measure> measures, int depth,
                                DerivedMetric owner)
    {
        switch (expression)
        {
            case MetricReference reference:
                if (!model.Metrics.TryGetValue(reference.Metric, out var referenced))
                {
                    throw new InvalidOperationException(
                        $"The metric '{owner.Name}' references the unknown metric '{reference.Metric}' ({owner.Source}).");
                }

                Collect(model, referenced, measures, depth);
                break;
            case BinaryOperation binary:
                Collect(model, binary.Left, measures, depth, owner);
                Collect(model, binary.Right, measures, depth, owner);
                break;
            case Negation negation:
                Collect(model, negation.Operand, measures, depth, owner);
                break;
            case NumberConstant:
                break;
            default:
                throw new InvalidOperationException($"Unknown expression kind {expression.GetType().Name}.");
        }
    }
}
