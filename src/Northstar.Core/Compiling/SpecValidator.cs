using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>
/// Validates a query spec against the model and resolves it into a <see cref="ValidatedQuery"/>. Every problem is
/// reported by the field it is in; none mentions SQL.
/// </summary>
internal sealed partial class SpecValidator
{
    private const int MaxMembers = 50;
    private const int MaxListValues = 1000;
    private static readonly DateOnly EarliestDate = new(1900, 1, 1);
    private static readonly DateOnly LatestDate = new(9998, 12, 31);

    private readonly SemanticModel _model;
    private readonly QuerySpec _spec;
    private readonly CompileContext _context;
    private readonly bool _windowed;
    private readonly List<QueryError> _errors = [];

    // The subjects read, in order of first use, with the field and metric that brought each in.
    private readonly List<(Subject Subject, string Field, Metric Metric)> _subjects = [];
    private readonly Dictionary<Subject, List<Measure>> _measures = [];

    private SpecValidator(SemanticModel model, QuerySpec spec, CompileContext context, bool windowed)
    {
        _model = model;
        _spec = spec;
        _context = context;
        _windowed = windowed;
    }

    /// <summary>The subjects read, each with the field and the metric that brought it into the query.</summary>
    public IReadOnlyList<(Subject Subject, string Field, Metric Metric)> SubjectUses => _subjects;

    /// <summary>Validates <paramref name="spec"/>; throws with every error found.</summary>
    /// <param name="model">The model.</param>
    /// <param name="spec">The spec.</param>
    /// <param name="context">Today and the row limit.</param>
    /// <param name="windowed">Whether the caller's scope bounds time to a window (which bounds an all-time range).</param>
    /// <exception cref="QueryValidationException">The spec is not valid.</exception>
    public static (ValidatedQuery Query, SpecValidator Validator) Validate(SemanticModel model, QuerySpec spec,
                                                                          CompileContext context, bool windowed)
    {
        var validator = new SpecValidator(model, spec, context, windowed);
        return (validator.Run(), validator);
    }

    private ValidatedQuery Run()
    {
        var metrics = ValidateMetrics();
        var metricFilterMetrics = FindMetricFilterMetrics();
        ThrowIfErrors();

        var dimensions = ValidateDimensions();
        var (timeDimensions, time, range) = ValidateTime();
        var (dimensionFilters, metricFilters) = ValidateFilters(metricFilterMetrics);
        var segments = ValidateSegments();
        var compare = ValidateCompare(range);
        var order = ValidateOrder(metrics, dimensions, time);
        var limit = ValidateLimit();
        ThrowIfErrors();

        var parts = _subjects
            .Select(use => new SubjectPart(use.Subject, timeDimensions[use.Subject], _measures[use.Subject]))
            .ToList();
        return new ValidatedQuery(metrics, dimensions, time, range, dimensionFilters, metricFilters, segments, compare,
                                  order, limit, parts);
    }

    private void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            throw new QueryValidationException(_errors.ToArray());
        }
    }

    private void Error(string field, string message) => _errors.Add(new QueryError(field, message));

    private List<Metric> ValidateMetrics()
    {
        var metrics = new List<Metric>();
        var names = _spec.Metrics ?? [];
        if (names.Count == 0)
        {
            Error("metrics", "Ask for at least one metric.");
            return metrics;
        }

        if (names.Count > MaxMembers)
        {
            Error("metrics", $"Ask for at most {MaxMembers} metrics.");
            return metrics;
        }

        for (var i = 0; i < names.Count; i++)
        {
            var field = $"metrics[{i}]";
            if (names[i] is not { } name || !_model.Metrics.TryGetValue(name, out var metric))
            {
                Error(field, $"Unknown metric {Show(names[i])}.");
            }
            else if (metrics.Contains(metric))
            {
                Error(field, $"The metric '{name}' is asked for twice.");
            }
            else
            {
                metrics.Add(metric);
                Use(metric, field);
            }
        }

        return metrics;
    }

    // Metric filters need their metric's measures too, so their subjects are known before dimensions are checked.
    private Dictionary<int, Metric> FindMetricFilterMetrics()
    {
        var found = new Dictionary<int, Metric>();
        var filters = _spec.Filters ?? [];
        for (var i = 0; i < filters.Count; i++)
        {
            if (filters[i]?.Member is { } member && _model.Metrics.TryGetValue(member, out var metric))
            {
                found[i] = metric;
                Use(metric, $"filters[{i}].member");
            }
        }

        return found;
    }

    private void Use(Metric metric, string field)
    {
        foreach (var measure in MeasureResolver.Resolve(_model, metric))
        {
            var subject = _model.Subjects[measure.Subject];
            if (!_measures.TryGetValue(subject, out var measures))
            {
                _measures[subject] = measures = [];
                _subjects.Add((subject, field, metric));
            }

            if (!measures.Contains(measure))
            {
                measures.Add(measure);
            }
        }
    }

    private List<Dimension> ValidateDimensions()
    {
        var dimensions = new List<Dimension>();
        var names = _spec.Dimensions ?? [];
        if (names.Count > MaxMembers)
        {
            Error("dimensions", $"Group by at most {MaxMembers} dimensions.");
            return dimensions;
        }

        for (var i = 0; i < names.Count; i++)
        {
            var field = $"dimensions[{i}]";
            if (FindDimension(names[i], field) is not { } dimension)
            {
                continue;
            }

            if (dimensions.Exists(known => known.Name == dimension.Name))
            {
                Error(field, $"The dimension '{dimension.Name}' is asked for twice.");
            }
            else
            {
                dimensions.Add(dimension);
            }
        }

        return dimensions;
    }

    // A dimension of every subject read (conformed: the first subject's declaration describes it); null after an error.
    private Dimension? FindDimension(string? name, string field)
    {
        if (name is null || !_model.Subjects.Values.Any(subject => subject.Dimensions.ContainsKey(name)))
        {
            Error(field, $"Unknown dimension {Show(name)}.");
            return null;
        }

        foreach (var (subject, _, metric) in _subjects)
        {
            if (!subject.Dimensions.ContainsKey(name))
            {
                Error(field, $"The dimension '{name}' is not available for the metric '{metric.Label}'.");
                return null;
            }
        }

        return _subjects[0].Subject.Dimensions[name];
    }

    private (Dictionary<Subject, TimeDimension> PerSubject, TimeColumn? Column, DateRange? Range) ValidateTime()
    {
        var perSubject = new Dictionary<Subject, TimeDimension>();
        var time = _spec.Time;
        var named = time?.Dimension;
        foreach (var (subject, _, metric) in _subjects)
        {
            if (named is null)
            {
                perSubject[subject] = subject.TimeDimensions[subject.DefaultTime];
            }
            else if (subject.TimeDimensions.TryGetValue(named, out var dimension))
            {
                perSubject[subject] = dimension;
            }
            else
            {
                var known = _model.Subjects.Values.Any(candidate => candidate.TimeDimensions.ContainsKey(named));
                Error("time.dimension", known
                    ? $"The time dimension '{named}' is not available for the metric '{metric.Label}'."
                    : $"Unknown time dimension {Show(named)}.");
                return (perSubject, null, null);
            }
        }

        TimeColumn? column = null;
        if (time?.Grain is not null)
        {
            if (!SpecNames.TryParseGrain(time.Grain, out var grain))
            {
                Error("time.grain", $"Unknown grain {Show(time.Grain)}; use one of {string.Join(", ", SpecNames.GrainNames)}.");
            }
            else if (grain == Grain.Hour && perSubject.Values.FirstOrDefault(dimension => dimension.HourColumn is null) is { } daily)
            {
                Error("time.grain", $"The time dimension '{daily.Name}' has no hour; use day or a coarser grain.");
            }
            else
            {
                var first = perSubject[_subjects[0].Subject];
                column = new TimeColumn(first.Name, first.Label, grain);
            }
        }

        return (perSubject, column, ValidateRange(time?.Range));
    }

    private DateRange? ValidateRange(RangeSpec? range)
    {
        if (range is null)
        {
            return null;
        }

        if (range.Preset is not null)
        {
            if (range.From is not null || range.To is not null)
            {
                Error("time.range", "Give either a preset or from and to, not both.");
                return null;
            }

            if (!DateRanges.Presets.Contains(range.Preset))
            {
                Error("time.range.preset",
                      $"Unknown range preset {Show(range.Preset)}; use one of {string.Join(", ", DateRanges.Presets)}.");
                return null;
            }

            return DateRanges.Resolve(range.Preset, _context.Today);
        }

        var from = ParseDate(range.From, "time.range.from");
        var to = ParseDate(range.To, "time.range.to");
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            Error("time.range.from", "The range starts after it ends.");
            return null;
        }

        return new DateRange(from.Value, to.Value);
    }

    private DateOnly? ParseDate(string? text, string field)
    {
        if (text is null)
        {
            Error(field, "A date is required (yyyy-MM-dd), or give a preset instead.");
            return null;
        }

        if (!FilterValues.TryParseDate(text, out var date))
        {
            Error(field, "Expected a date (yyyy-MM-dd).");
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            Error(field, $"Dates must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
            return null;
        }

        return date;
    }

    private (List<ValidFilter> Dimensions, List<ValidFilter> Metrics) ValidateFilters(Dictionary<int, Metric> metricFilters)
    {
        var onDimensions = new List<ValidFilter>();
        var onMetrics = new List<ValidFilter>();
        var filters = _spec.Filters ?? [];
        if (filters.Count > MaxMembers)
        {
            Error("filters", $"Give at most {MaxMembers} filters.");
            return (onDimensions, onMetrics);
        }

        for (var i = 0; i < filters.Count; i++)
        {
            var field = $"filters[{i}]";
            var filter = filters[i];
            if (filter?.Member is null)
            {
                Error(field + ".member", "A filter needs a member (a dimension or a metric).");
                continue;
            }

            if (metricFilters.TryGetValue(i, out var metric))
            {
                if (ValidateFilter(filter, field, metric.Name, DataType.Number, isMetric: true) is { } valid)
                {
                    onMetrics.Add(valid);
                }
            }
            else if (FindDimension(filter.Member, field + ".member") is { } dimension
                     && ValidateFilter(filter, field, dimension.Name, dimension.Type, isMetric: false) is { } valid)
            {
                onDimensions.Add(valid);
            }
        }

        return (onDimensions, onMetrics);
    }

    private ValidFilter? ValidateFilter(FilterSpec filter, string field, string member, DataType type, bool isMetric)
    {
        if (!SpecNames.TryParseOp(filter.Op, out var op))
        {
            Error(field + ".op", $"Unknown operator {Show(filter.Op)}; use one of {string.Join(", ", SpecNames.OpNames)}.");
            return null;
        }

        var opName = SpecNames.Of(op);
        if (op is FilterOp.Contains or FilterOp.StartsWith && (isMetric || type != DataType.String))
        {
            Error(field + ".op", $"'{opName}' applies to text dimensions only.");
            return null;
        }

        if (op is FilterOp.Gt or FilterOp.Gte or FilterOp.Lt or FilterOp.Lte or FilterOp.Between && type == DataType.Boolean)
        {
            Error(field + ".op", $"'{opName}' does not apply to a true/false dimension.");
            return null;
        }

        var values = filter.Values ?? [];
        var (min, max) = op switch
        {
            FilterOp.IsNull or FilterOp.IsNotNull => (0, 0),
            FilterOp.In or FilterOp.NotIn => (1, MaxListValues),
            FilterOp.Between => (2, 2),
            _ => (1, 1),
        };
        if (values.Count < min || values.Count > max)
        {
            Error(field + ".values", (min, max) switch
            {
                (0, 0) => $"'{opName}' takes no values.",
                (1, 1) => $"'{opName}' takes exactly one value.",
                (2, 2) => $"'{opName}' takes exactly two values (from and to).",
                _ => $"'{opName}' takes from {min} to {max} values.",
            });
            return null;
        }

        var converted = new List<object?>(values.Count);
        for (var j = 0; j < values.Count; j++)
        {
            var value = FilterValues.FromJson(values[j], type, out var error);
            if (error is not null)
            {
                Error($"{field}.values[{j}]", error);
                return null;
            }

            converted.Add(value);
        }

        // The order of an in-list does not change the answer: sorted, equal lists share a normalized key.
        if (op is FilterOp.In or FilterOp.NotIn)
        {
            converted = converted.Distinct().OrderBy(FilterValues.Canonical, StringComparer.Ordinal).ToList();
        }

        return new ValidFilter(member, op, converted);
    }

    private List<string> ValidateSegments()
    {
        var segments = new List<string>();
        var names = _spec.Segments ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            var field = $"segments[{i}]";
            var name = names[i];
            if (name is null || !_model.Subjects.Values.Any(subject => subject.Segments.ContainsKey(name)))
            {
                Error(field, $"Unknown segment {Show(name)}.");
            }
            else if (_subjects.FindIndex(use => !use.Subject.Segments.ContainsKey(name)) is var missing and >= 0)
            {
                Error(field, $"The segment '{name}' is not available for the metric '{_subjects[missing].Metric.Label}'.");
            }
            else if (!segments.Contains(name))
            {
                segments.Add(name);
            }
        }

        segments.Sort(StringComparer.Ordinal);
        return segments;
    }

    private string? ValidateCompare(DateRange? range)
    {
        if (_spec.Compare is not { } compare)
        {
            return null;
        }

        if (!DateRanges.CompareKinds.Contains(compare))
        {
            Error("compare", $"Unknown comparison {Show(compare)}; use previous_period or previous_year.");
            return null;
        }

        // A scope window bounds all time later; without one, there is no period to compare with. (A range that is null
        // because it is invalid has its own error already.)
        var rangeInvalid = _errors.Exists(error => error.Field.StartsWith("time.range", StringComparison.Ordinal));
        if (range is null && !_windowed && !rangeInvalid)
        {
            Error("compare", "A comparison needs a bounded time range (not all time).");
            return null;
        }

        return compare;
    }

    private List<ValidOrder> ValidateOrder(List<Metric> metrics, List<Dimension> dimensions, TimeColumn? time)
    {
        var order = new List<ValidOrder>();
        var keys = _spec.Order ?? [];
        if (keys.Count > MaxMembers)
        {
            Error("order", $"Sort by at most {MaxMembers} members.");
            return order;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var member = keys[i]?.Member;
            var inAnswer = member is not null
                           && (metrics.Exists(metric => metric.Name == member)
                               || dimensions.Exists(dimension => dimension.Name == member)
                               || time?.Name == member);
            if (!inAnswer)
            {
                Error($"order[{i}].member", $"Sort by a column of the answer; {Show(member)} is not one.");
            }
            else if (!order.Exists(known => known.Member == member))
            {
                order.Add(new ValidOrder(member!, keys[i]!.Desc));
            }
        }

        return order;
    }

    private int ValidateLimit()
    {
        if (_spec.Limit is not { } limit)
        {
            return _context.MaxRows;
        }

        if (limit < 1)
        {
            Error("limit", "The limit must be at least 1.");
            return _context.MaxRows;
        }

        return Math.Min(limit, _context.MaxRows);
    }

    // Names from a request are shown to the caller who sent them, quoted and shortened; they are never SQL.
    private static string Show(string? name) => name is null
        ? "(none)"
        : "'" + (name.Length > 64 ? name[..64] + "…" : name) + "'";
}
