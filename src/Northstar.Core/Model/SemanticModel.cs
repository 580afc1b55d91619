namespace Northstar.Core.Model;

/// <summary>
/// The semantic model: every subject (a gold fact table with its joins, time dimensions, dimensions, measures and
/// segments), the metrics by name (measures of subjects and cross-subject metrics), and the rollups. Loaded from
/// <c>model/*.yaml</c> and validated once at start-up; immutable afterwards.
/// </summary>
/// <param name="Subjects">Subjects by name.</param>
/// <param name="Metrics">Every metric by name, unique across the model: the measures of the subjects and the
/// model-level derived metrics.</param>
/// <param name="Rollups">Declared rollups (pre-aggregations).</param>
/// <param name="CompanyTimeZone">The company's IANA time zone: "today" of the range presets is its date.</param>
public sealed record SemanticModel(
    IReadOnlyDictionary<string, Subject> Subjects,
    IReadOnlyDictionary<string, Metric> Metrics,
    IReadOnlyList<Rollup> Rollups,
    string CompanyTimeZone)
{
    /// <summary>The company's currency (ISO 4217 code, <c>USD</c> unless the model says otherwise): how the UI shows
    /// amounts of the <c>currency</c> format.</summary>
    public string Currency { get; init; } = "USD";
}
