using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Model.Loading;
using Northstar.Core.Queries;
using Northstar.Testing;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests.Queries;

/// <summary>
/// Every metric of the shipped model (model/*.yaml), by every dimension and every segment of its subjects, compiles to
/// SQL that the real gold schema of both engines accepts; the values are checked elsewhere on fixtures.
/// </summary>
public sealed class ShippedModelQueryTests
{
    [Fact]
    public async Task Every_metric_dimension_and_segment_of_the_shipped_model_runs_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();

        await RunEveryMetricAsync(warehouse);
    }

    [PostgresFact]
    public async Task Every_metric_dimension_and_segment_of_the_shipped_model_runs_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();

        await RunEveryMetricAsync(warehouse);
    }

    private static async Task RunEveryMetricAsync(IWarehouse warehouse)
    {
        var model = ModelParser.Parse(TestData.ShippedModelFiles());
        var context = new CompileContext(warehouse.Dialect, new DateOnly(2025, 1, 15), 100);
        await using var connection = await warehouse.OpenReadConnectionAsync();
        var ran = 0;
        foreach (var metric in model.Metrics.Values)
        {
            var subjects = Subjects(model, metric);
            var dimensions = subjects.Select(subject => subject.Dimensions.Keys).Aggregate((all, next) => all.Intersect(next).ToArray());
            var segments = subjects.Select(subject => subject.Segments.Keys).Aggregate((all, next) => all.Intersect(next).ToArray());
            var grain = subjects.All(subject => subject.TimeDimensions[subject.DefaultTime].HourColumn is not null) ? "hour" : "day";
            var spec = new QuerySpec
            {
                Metrics = [metric.Name],
                Dimensions = [.. dimensions],
                Segments = [.. segments],
                Time = new TimeSpec { Grain = grain, Range = new RangeSpec { Preset = "last_30_days" } },
                Compare = "previous_year",
            };

            // A branch manager's scope where every subject has a branch column (the scope's own SQL runs too).
            var scope = subjects.All(subject => subject.Scope.Branch is not null)
                ? new QueryScope(["north"], null, 90)
                : QueryScope.Unrestricted;
            var compiled = QueryCompiler.Compile(model, spec, scope, context);
            foreach (var statement in new[] { compiled.Rows, compiled.Totals, compiled.Comparison!.Rows, compiled.Comparison.Totals })
            {
                var rows = await QueryFixture.ReadAsync(connection, statement);
                Assert.True(rows.Count <= 1, $"{metric.Name}: an empty warehouse gave {rows.Count} rows");
            }

            ran++;
        }

        Assert.True(ran >= 20, $"Only {ran} metrics in the shipped model");
    }

    private static List<Subject> Subjects(SemanticModel model, Metric metric)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Collect(MetricExpression expression)
        {
            switch (expression)
            {
                case MetricReference reference when model.Metrics[reference.Metric] is DerivedMetric derived:
                    Collect(derived.Parsed);
                    break;
                case MetricReference reference:
                    names.Add(((Measure)model.Metrics[reference.Metric]).Subject);
                    break;
                case BinaryOperation binary:
                    Collect(binary.Left);
                    Collect(binary.Right);
                    break;
                case Negation negation:
                    Collect(negation.Operand);
                    break;
            }
        }

        Collect(new MetricReference(metric.Name));
        return [.. names.Select(name => model.Subjects[name])];
    }
}
