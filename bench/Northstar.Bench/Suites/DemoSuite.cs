using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Suites.Query;
using Northstar.Bench.Targets;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Warehouse.Rollups;

namespace Northstar.Bench.Suites;

/// <summary>
/// The demo company's load as the <c>demo</c> verb runs it: the model's rollups built on the freshly migrated
/// warehouse (as at every start), then <c>DemoCompany.Generate</c> and <c>DemoLoad.RunThenBuildRollupsAsync</c> (every
/// entity through the bulk path, processed into gold beside the writing, then the rollups built from the facts), timed
/// from generation to the rollups built. A load is not repeatable on the same data, so it runs once.
/// </summary>
internal sealed class DemoSuite : ISuite
{
    // Fixed, so every run generates the same company whatever the day it runs.
    public static readonly DateOnly Today = new(2026, 6, 30);

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Demo load",
        $"The demo company over {Figures.Count(settings.Days)} days at {Figures.Count(settings.OrdersPerDay)} orders a day "
        + "(5 branches, seed 42): generated and loaded through the ingest pipeline into gold, then the rollups built, once.",
        ["engine", "days", "orders", "events", "time", "events/s"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        await target.Warehouse.MigrateAsync(cancellationToken);
        var rollups = RollupTable.AllOf(RepositoryModel.Load(), target.Warehouse.Dialect);
        await RollupStore.EnsureAsync(target.Warehouse, rollups, cancellationToken);
        var options = new DemoOptions { Today = Today, Days = settings.Days, OrdersPerDay = settings.OrdersPerDay };

        Progress.Line($"{target.Name} demo: {settings.Days} days at {settings.OrdersPerDay} orders a day");
        var start = Stopwatch.GetTimestamp();
        var data = DemoCompany.Generate(options);
        var report = await DemoLoad.RunThenBuildRollupsAsync(data, target.Warehouse, rollups, NullLoggerFactory.Instance, cancellationToken: cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Progress.Line($"{target.Name} demo: {Figures.Count(report.TotalProcessed)} events in {Figures.Duration(elapsed)}");

        Verify.Equal(0L, report.Rejected, "events rejected while processing the demo");
        var orders = data.Totals.Orders;
        Verify.Equal(orders, await target.CountAsync("gold.fact_orders", cancellationToken), "count of gold.fact_orders");

        return
        [
            [
                target.Name,
                Figures.Count(settings.Days),
                Figures.Count(orders),
                Figures.Count(report.TotalProcessed),
                Figures.Duration(elapsed),
                Figures.PerSecond(report.TotalProcessed, elapsed, "events"),
            ],
        ];
    }
}
