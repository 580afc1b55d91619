using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>The validation of a spec that names an analysis: a range and dimension filters of its subject, nothing else.</summary>
internal sealed partial class SpecValidator
{
    /// <summary>Validates the range and filters of an analysis over <paramref name="subject"/>; throws with every error found.</summary>
    /// <param name="model">The model.</param>
    /// <param name="spec">The spec.</param>
    /// <param name="context">Today, for presets.</param>
    /// <param name="subject">The subject the analysis reads: filters must be its dimensions.</param>
    /// <param name="analyses">The analysis names: the spec's must be one.</param>
    /// <exception cref="QueryValidationException">The spec is not valid.</exception>
    public static (DateRange? Range, IReadOnlyList<ValidFilter> Filters) ValidateAnalysis(
        SemanticModel model, QuerySpec spec, CompileContext context, Subject subject, IReadOnlyList<string> analyses)
    {
        var validator = new SpecValidator(model, spec, context, windowed: false);
        return validator.RunAnalysis(subject, analyses);
    }

    private (DateRange? Range, IReadOnlyList<ValidFilter> Filters) RunAnalysis(Subject subject, IReadOnlyList<string> analyses)
    {
        if (!analyses.Contains(_spec.Analysis))
        {
            Error("analysis", $"Unknown analysis {Show(_spec.Analysis)}; use one of {string.Join(", ", analyses)}.");
        }

        const string Alone = "An analysis has its own columns: give only a time range and filters.";
        if (_spec.Metrics is not null)
        {
            Error("metrics", Alone);
        }

        if (_spec.Dimensions is not null)
        {
            Error("dimensions", Alone);
        }

        if (_spec.Segments is not null)
        {
            Error("segments", Alone);
        }

        if (_spec.Compare is not null)
        {
            Error("compare", "An analysis has no comparison.");
        }

        if (_spec.Order is not null)
        {
            Error("order", "An analysis has its own order.");
        }

        if (_spec.Limit is not null)
        {
            Error("limit", "An analysis has no limit: its rows are all needed.");
        }

        if (_spec.Time?.Grain is not null)
        {
            Error("time.grain", "An analysis has its own grain: give only a range.");
        }

        if (_spec.Time?.Dimension is { } named && named != subject.DefaultTime)
        {
            Error("time.dimension", $"An analysis ranges over '{subject.DefaultTime}'; {Show(named)} is not it.");
        }

        var range = ValidateRange(_spec.Time?.Range);
        var filters = AnalysisFilters(subject);
        ThrowIfErrors();
        return (range, filters);
    }

    private List<ValidFilter> AnalysisFilters(Subject subject)
    {
        var valid = new List<ValidFilter>();
        var filters = _spec.Filters ?? [];
        if (filters.Count > MaxMembers)
        {
            Error("filters", $"Give at most {MaxMembers} filters.");
            return valid;
        }

        for (var i = 0; i < filters.Count; i++)
        {
            var field = $"filters[{i}]";
            var filter = filters[i];
            if (filter?.Member is not { } member)
            {
                Error(field + ".member", "A filter needs a member (a dimension).");
            }
            else if (!subject.Dimensions.TryGetValue(member, out var dimension))
            {
                Error(field + ".member", $"{Show(member)} is not a dimension of {subject.Label}: an analysis filters by those only.");
            }
            else if (ValidateFilter(filter, field, dimension.Name, dimension.Type, isMetric: false) is { } validFilter)
            {
                valid.Add(validFilter);
            }
        }

        return valid;
    }
}
