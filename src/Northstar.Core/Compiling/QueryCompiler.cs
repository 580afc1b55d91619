using System.Globalization;
using Northstar.Core.Analyses;
using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;

namespace Northstar.Core.Compiling;

/// <summary>
/// Compiles a query spec against the semantic model into SQL statements for one dialect: validates every field of the
/// spec, injects the caller's scope, and renders the rows, totals and (when asked) comparison statements with every
/// value bound as a positional parameter. A spec naming an analysis is compiled by <see cref="AnalysisCompiler"/>.
/// </summary>
public static class QueryCompiler
{
    /// <summary>Validates and compiles <paramref name="spec"/>.</summary>
    /// <param name="model">The semantic model: the only source of SQL identifiers.</param>
    /// <param name="spec">The question, untrusted.</param>
    /// <param name="scope">What the caller may see; injected as mandatory filters after validation.</param>
    /// <param name="context">Dialect, today's date and the row limit.</param>
    /// <returns>The statements to run and what the answer assembler needs.</returns>
    /// <exception cref="QueryValidationException">The spec names unknown members, has wrong values, or asks for data
    /// outside the scope; errors name the field, never SQL.</exception>
    public static CompiledQuery Compile(SemanticModel model, QuerySpec spec, QueryScope scope, CompileContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(context);
        if (scope.WindowDays is < 1)
        {
            throw new ArgumentException("A scope's window must be at least one day.", nameof(scope));
        }

        if (spec.Analysis is not null)
        {
            return AnalysisCompiler.Compile(model, spec, scope, context);
        }

        var (validated, validator) = SpecValidator.Validate(model, spec, context, windowed: scope.WindowDays is not null);
        EnforceAccess(validator.SubjectUses, scope);
        var query = context.UseRollups ? RollupMatcher.Apply(model, validated, scope) : validated;

        var window = scope.WindowDays is { } days ? DateRanges.LastDays(days, context.Today) : null;
        var range = Clamp(query.Range, window);
        var builder = new StatementBuilder(model, query, scope, window);
        var single = HasOneRow(query);
        var comparison = query.Compare is { } kind && range is not null
            ? Comparison(kind, DateRanges.Compare(kind, range), builder, context.Dialect, single)
            : null;

        var rows = SqlRenderer.Render(builder.Rows(range, comparison: false), context.Dialect);
        return new CompiledQuery(
            Columns(query),
            rows,
            single ? rows : SqlRenderer.Render(builder.Totals(range), context.Dialect),
            comparison,
            range,
            query.Parts.Select(part => part.Subject.DataSubject).Distinct().Order(StringComparer.Ordinal).ToArray(),
            RollupNames(query),
            NormalizedKey.Of(query, range, scope, context.Dialect))
        {
            TimeGrain = query.Time?.Grain,
        };
    }

    // The rollups that answer (with those whose first-seen tables count), in the order of the subjects read,
    // comma-separated; null when none does.
    private static string? RollupNames(ValidatedQuery query)
    {
        var names = query.Parts.Where(part => part.Rollup is not null)
            .SelectMany(part => part.FirstSeen.Values.Select(keeper => keeper.Name).Order(StringComparer.Ordinal).Prepend(part.Rollup!.Name))
            .Distinct().ToArray();
        return names.Length == 0 ? null : string.Join(',', names);
    }

    // Fail closed: a restricted caller sees a subject only through the scope columns its restriction needs.
    internal static void EnforceAccess(IReadOnlyList<(Subject Subject, string Field, Metric Metric)> uses, QueryScope scope)
    {
        if (scope.IsUnrestricted)
        {
            return;
        }

        var errors = uses
            .Where(use => use.Subject.Scope is { Branch: null, Employee: null }
                          || (scope.Branches is not null && use.Subject.Scope.Branch is null)
                          || (scope.EmployeeId is not null && use.Subject.Scope.Employee is null))
            .Select(use => new QueryError(use.Field, $"You do not have access to {use.Metric.Label}."))
            .ToArray();
        if (errors.Length > 0)
        {
            throw new QueryValidationException(errors);
        }
    }

    internal static DateRange? Clamp(DateRange? range, DateRange? window)
    {
        if (window is null)
        {
            return range;
        }

        if (range is null)
        {
            return window;
        }

        var from = range.From > window.From ? range.From : window.From;
        var to = range.To < window.To ? range.To : window.To;
        if (from > to)
        {
            throw new QueryValidationException(
            [
                new QueryError("time.range", string.Create(CultureInfo.InvariantCulture,
                    $"You can only see the last {window.Days} days ({window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}).")),
            ]);
        }

        return new DateRange(from, to);
    }

    private static ComparisonQuery Comparison(string kind, DateRange range, StatementBuilder builder, SqlDialect dialect, bool single)
    {
        var rows = SqlRenderer.Render(builder.Rows(range, comparison: true), dialect);
        return new(kind, range, rows, single ? rows : SqlRenderer.Render(builder.Totals(range), dialect));
    }

    /// <summary>
    /// Whether the answer is one row that is also its totals: no dimension, no time buckets and no metric filter (which
    /// could leave no row). Then the totals statement is the rows statement itself (the same object), which the
    /// runner runs once: the KPI cards of a dashboard cost half the work.
    /// </summary>
    private static bool HasOneRow(ValidatedQuery query) =>
        query.Dimensions.Count == 0 && query.Time is null && query.MetricFilters.Count == 0;

    private static ResultColumn[] Columns(ValidatedQuery query)
    {
        var columns = new List<ResultColumn>();
        if (query.Time is { } time)
        {
            columns.Add(time.Grain == Grain.Hour
                ? new ResultColumn(time.Name, time.Label, DataType.Timestamp, ValueFormat.Date, ColumnRole.Time)
                : new ResultColumn(time.Name, time.Label, DataType.Date, ValueFormat.Date, ColumnRole.Time));
        }

        columns.AddRange(query.Dimensions.Select(dimension =>
            new ResultColumn(dimension.Name, dimension.Label, dimension.Type, dimension.Format, ColumnRole.Dimension)));
        columns.AddRange(query.Metrics.Select(metric =>
            new ResultColumn(metric.Name, metric.Label, metric.Type, metric.Format, ColumnRole.Metric)));
        return columns.ToArray();
    }
}
