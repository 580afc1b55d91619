using Northstar.Core.Compiling;
using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Analyses;

/// <summary>
/// Compiles a spec that names an analysis, the way metric queries are compiled: the spec validated field by field, the
/// caller's access to sales checked, the range clamped to the scope's window, the scope and filters injected into every
/// row read, and the result an ordinary <see cref="CompiledQuery"/> over the data subject <c>sales</c>.
/// </summary>
internal static class AnalysisCompiler
{
    public static CompiledQuery Compile(SemanticModel model, QuerySpec spec, QueryScope scope, CompileContext context)
    {
        var facts = SalesFacts.From(model);
        var (asked, filters) = SpecValidator.ValidateAnalysis(model, spec, context, facts.Subject, NamedAnalyses.Names);
        var analysis = NamedAnalyses.Find(spec.Analysis)!;
        QueryCompiler.EnforceAccess([(facts.Subject, "analysis", facts.Revenue)], scope);

        var window = scope.WindowDays is { } days ? DateRanges.LastDays(days, context.Today) : null;
        var range = QueryCompiler.Clamp(asked, window);
        var statements = analysis.Build(new AnalysisInput(model, facts, range, filters, scope, window, context.UseRollups));
        return new CompiledQuery(
            analysis.Columns,
            SqlRenderer.Render(statements.Rows, context.Dialect),
            SqlRenderer.Render(statements.Totals, context.Dialect),
            Comparison: null,
            range,
            [facts.Subject.DataSubject],
            statements.Rollups.Count == 0 ? null : string.Join(',', statements.Rollups.Distinct()),
            NormalizedKey.OfAnalysis(analysis.Name, range, filters, scope, context.Dialect));
    }
}
