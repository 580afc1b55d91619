using System.Text;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Suites;
using Northstar.Bench.Suites.Dashboard;
using Northstar.Bench.Suites.Live;
using Northstar.Bench.Suites.Query;
using Northstar.Bench.Targets;

namespace Northstar.Bench;

/// <summary>Runs the asked suites on each asked engine in turn, then prints and saves the report.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
#if DEBUG
        Progress.Line("WARNING: this is a Debug build; its figures mean nothing. Run with -c Release.");
#endif
        try
        {
            PostgresTarget.CheckConfigured(settings.Engines);
            var suites = settings.Suites.Select(Create).ToList();
            var tables = suites.Select(suite => suite.CreateTable(settings)).ToList();
            var engines = new List<string>();
            var engineTimeSources = new List<string>();

            foreach (var engine in settings.Engines)
            {
                // Only the query suite works in a kept warehouse itself; query-cache serves it from a server process,
                // so the harness's own target there is a fresh one that only names the engine.
                await using var target = await BenchTarget.CreateAsync(engine, settings.Suite == BenchSuite.Query ? settings.Keep : null, cancellationToken);
                engines.Add(await target.DescribeAsync(cancellationToken));
                engineTimeSources.Add($"{target.Name}: {target.EngineTimeSource}");
                for (var i = 0; i < suites.Count; i++)
                {
                    foreach (var row in await suites[i].MeasureAsync(target, settings, cancellationToken))
                    {
                        tables[i].Add(row);
                    }
                }
            }

            var report = BenchReport.Render(settings, engines, engineTimeSources, tables);
            Console.Out.Write(report);
            Progress.Line($"Report written to {BenchReport.Write(settings, report)}");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Progress.Line("Cancelled.");
            return 130;
        }
        catch (BenchSetupException e)
        {
            Progress.Line(e.Message);
            return 2;
        }
#pragma warning disable CA1031 // The harness's last resort: one readable line for any failure, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Progress.Line($"The benchmark failed: {Describe(e)}");
            return 1;
        }
    }

    private static ISuite Create(BenchSuite suite) => suite switch
    {
        BenchSuite.Load => new LoadSuite(),
        BenchSuite.Aggregate => new AggregateSuite(),
        BenchSuite.Stream => new StreamSuite(),
        BenchSuite.Csv => new CsvSuite(),
        BenchSuite.Webhooks => new WebhooksSuite(),
        BenchSuite.Demo => new DemoSuite(),
        BenchSuite.Query => new QuerySuite(),
        BenchSuite.QueryCache => new QueryCacheSuite(),
        BenchSuite.Dashboard => new DashboardSuite(),
        BenchSuite.Live => new LiveSuite(),
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not a single suite."),
    };

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" (").Append(inner.Message).Append(')');
        }

        return text.ToString();
    }
}
