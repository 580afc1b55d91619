using Northstar.Core.Model.Loading;

namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>The table of plain SQL checks and the shipped model name the same metrics, so a new metric brings its check.</summary>
public sealed class MetricCoverageTests
{
    [Fact]
    public void Every_metric_of_the_shipped_model_has_a_plain_sql_check_and_no_check_names_another()
    {
        // The model the server loads: model/*.yaml copied next to the assemblies.
        var folder = Path.Combine(AppContext.BaseDirectory, "model");
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new ModelFile($"model/{Path.GetFileName(path)}", File.ReadAllText(path)));
        // Except the server's own telemetry (model/technology.yaml): the demo data holds none and it has no branch to filter
        // by; Telemetry/TechnologyMetricsTests checks those metrics against hand-made rows on both engines.
        var metrics = ModelParser.Parse(files).Metrics.Values
            .Where(metric => metric.Source.File != "model/technology.yaml")
            .Select(metric => metric.Name)
            .ToHashSet(StringComparer.Ordinal);

        var missing = metrics.Except(MetricChecks.All.Keys).Order(StringComparer.Ordinal).ToList();
        var unknown = MetricChecks.All.Keys.Except(metrics).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Metrics of the model without a plain SQL in MetricChecks: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"MetricChecks names metrics the model does not have: {string.Join(", ", unknown)}");
    }
}
