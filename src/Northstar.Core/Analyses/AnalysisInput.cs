using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Analyses;

/// <summary>What an analysis is asked, after validation and scope clamping.</summary>
/// <param name="Model">The model (for the rollups it declares).</param>
/// <param name="Facts">The sales members the analyses read.</param>
/// <param name="Range">The range, clamped to the scope's window; null: all time.</param>
/// <param name="Filters">The spec's dimension filters: they restrict every row read, history included.</param>
/// <param name="Scope">The caller's scope: injected into every row read.</param>
/// <param name="Window">The scope's window of days, applied to every row read; null: none.</param>
/// <param name="UseRollups">Whether a rollup may stand in for the fact table.</param>
internal sealed record AnalysisInput(
    SemanticModel Model,
    SalesFacts Facts,
    DateRange? Range,
    IReadOnlyList<ValidFilter> Filters,
    QueryScope Scope,
    DateRange? Window,
    bool UseRollups);
