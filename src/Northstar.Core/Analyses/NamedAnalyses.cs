namespace Northstar.Core.Analyses;

/// <summary>
/// The named analyses a query spec can ask for with <c>analysis</c>: questions about customers that a metric cannot
/// answer (cohorts, lifetime value, segments by number of orders), compiled like metric queries (validated, scoped,
/// cached by the sales data version) into ordinary answers. docs/analyses.md defines each.
/// </summary>
public static class NamedAnalyses
{
    private static readonly Analysis[] All = [new CohortRetention(), new CustomerValue(), new CustomerSegments()];

    /// <summary>The analysis names, as a spec spells them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(analysis => analysis.Name)];

    /// <summary>The analysis named <paramref name="name"/>; null when there is none.</summary>
    internal static Analysis? Find(string? name) => Array.Find(All, analysis => analysis.Name == name);
}
