using Northstar.Core.Compiling;
using Northstar.Core.Model;

namespace Northstar.Server.Queries;

/// <summary>
/// The body of <c>GET /api/model</c>: the members a query can name, with labels, types and formats. No table or column
/// names: the UI names members, never SQL.
/// </summary>
/// <param name="Subjects">Each subject with its metrics, time dimensions, dimensions and segments.</param>
/// <param name="Metrics">Every metric (measures and cross-subject metrics), with the subjects it reads.</param>
/// <param name="Dimensions">Every dimension name (conformed across subjects), with the subjects that have it.</param>
/// <param name="Grains">The time grains a query may ask for.</param>
/// <param name="FilterOps">The filter operators.</param>
/// <param name="Comparisons">The comparisons.</param>
/// <param name="CompanyTimeZone">The company's time zone: presets such as <c>today</c> are its dates.</param>
public sealed record ModelResponse(
    IReadOnlyList<SubjectResponse> Subjects,
    IReadOnlyList<MetricResponse> Metrics,
    IReadOnlyList<DimensionResponse> Dimensions,
    IReadOnlyList<string> Grains,
    IReadOnlyList<string> FilterOps,
    IReadOnlyList<string> Comparisons,
    string CompanyTimeZone)
{
    internal static ModelResponse Describe(SemanticModel model)
    {
        var metricSubjects = model.Metrics.Values.ToDictionary(metric => metric.Name, metric => SubjectsOf(model, metric), StringComparer.Ordinal);
        var subjects = model.Subjects.Values.OrderBy(subject => subject.Name, StringComparer.Ordinal).Select(subject => new SubjectResponse(
                subject.Name,
                subject.Label,
                [.. metricSubjects.Where(pair => pair.Value.Count == 1 && pair.Value[0] == subject.Name).Select(pair => pair.Key).Order(StringComparer.Ordinal)],
                [.. subject.TimeDimensions.Values.Select(time => new TimeDimensionResponse(
                    time.Name, time.Label, [.. SpecNames.GrainNames.Where(grain => grain != "hour" || time.HourColumn is not null)]))],
                subject.DefaultTime,
                [.. subject.Dimensions.Values.OrderBy(dimension => dimension.Name, StringComparer.Ordinal).Select(dimension => Dimension(dimension, [subject.Name]))],
                [.. subject.Segments.Values.Select(segment => new SegmentResponse(segment.Name, segment.Label))]))
            .ToList();
        var metrics = model.Metrics.Values.OrderBy(metric => metric.Name, StringComparer.Ordinal).Select(metric => new MetricResponse(
                metric.Name, metric.Label, QueryResponse.WireName(metric.Type), QueryResponse.WireName(metric.Format), metric.Description,
                metricSubjects[metric.Name], metric is DerivedMetric))
            .ToList();
        var dimensions = model.Subjects.Values
            .SelectMany(subject => subject.Dimensions.Values.Select(dimension => (Subject: subject.Name, Dimension: dimension)))
            .GroupBy(pair => pair.Dimension.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Dimension(group.First().Dimension, [.. group.Select(pair => pair.Subject).Order(StringComparer.Ordinal)]))
            .ToList();
        return new ModelResponse(subjects, metrics, dimensions, [.. SpecNames.GrainNames], [.. SpecNames.OpNames],
            ["previous_period", "previous_year"], model.CompanyTimeZone);
    }

    private static DimensionResponse Dimension(Dimension dimension, IReadOnlyList<string> subjects) => new(
        dimension.Name, dimension.Label, QueryResponse.WireName(dimension.Type), QueryResponse.WireName(dimension.Format), subjects);

    /// <summary>The subjects a metric reads: its own for a measure, those of every metric it refers to otherwise.</summary>
    private static IReadOnlyList<string> SubjectsOf(SemanticModel model, Metric metric)
    {
        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(metric);
        return [.. subjects];

        void Visit(Metric current)
        {
            if (!seen.Add(current.Name))
                return;
            if (current is Measure measure)
                subjects.Add(measure.Subject);
            else if (current is DerivedMetric derived)
                Walk(derived.Parsed);
        }

        void Walk(MetricExpression expression)
        {
            switch (expression)
            {
                case MetricReference reference when model.Metrics.TryGetValue(reference.Metric, out var referenced):
                    Visit(referenced);
                    break;
                case BinaryOperation operation:
                    Walk(operation.Left);
                    Walk(operation.Right);
                    break;
                case Negation negation:
                    Walk(negation.Operand);
                    break;
            }
        }
    }
}

/// <summary>A subject of the model.</summary>
public sealed record SubjectResponse(
    string Name,
    string Label,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<TimeDimensionResponse> TimeDimensions,
    string DefaultTime,
    IReadOnlyList<DimensionResponse> Dimensions,
    IReadOnlyList<SegmentResponse> Segments);

/// <summary>A time dimension and the grains it can be bucketed by (hour only where the fact has an hour).</summary>
public sealed record TimeDimensionResponse(string Name, string Label, IReadOnlyList<string> Grains);

/// <summary>A dimension: its type and format, and the subjects that have it.</summary>
public sealed record DimensionResponse(string Name, string Label, string Type, string Format, IReadOnlyList<string> Subjects);

/// <summary>A named filter of a subject.</summary>
public sealed record SegmentResponse(string Name, string Label);

/// <summary>A metric: its type and format, the subjects it reads, and whether it is computed from other metrics.</summary>
public sealed record MetricResponse(
    string Name, string Label, string Type, string Format, string? Description, IReadOnlyList<string> Subjects, bool Derived);
