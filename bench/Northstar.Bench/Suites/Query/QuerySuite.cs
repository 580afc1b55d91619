using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Pipeline;
using Northstar.Warehouse.Queries;
using Northstar.Warehouse.Rollups;

namespace Northstar.Bench.Suites.Query;

/// <summary>
/// The executive dashboard (issue 4): its 8 tiles asked in-process over the demo company, (a) from the base tables and
/// (b) from the rollups, each beside the engine's own time for the same statements and their time run directly through
/// the engine's client, and the whole dashboard (the 8
/// tiles, 4 at a time, as the batch endpoint runs them). Without the server there is no answer cache: (c) is not here.
/// </summary>
internal sealed class QuerySuite : ISuite
{
    private const int DashboardParallelism = 4;
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(5);

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Query: the executive dashboard",
        $"The demo company over {Figures.Count(settings.Days)} days at {Figures.Count(settings.OrdersPerDay)} orders a day, "
        + "rollups built. Per tile: compile + run its statements concurrently + assemble the answer, in-process (no HTTP, "
        + "no answer cache), (a) from the base tables and (b) from the rollups; *engine* is the engine's own time for the "
        + "same statements run one after the other, summed; *direct* the same statements run one after the other through "
        + "the engine's client library, every row read (the SQL run by hand, client round trip included). The last row "
        + $"per engine is the whole dashboard: the 8 tiles, {DashboardParallelism} at a time. Rollup answers are checked "
        + "equal to base-table answers.",
        ["engine", "tile", "rollup", "rows", "base p50", "base p95", "base engine p50", "base ours/engine", "base direct p50",
         "base ours/direct", "rollup p50", "rollup p95", "rollup engine p50", "rollup ours/engine", "rollup direct p50",
         "rollup ours/direct", "base/rollup"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(
        BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var model = RepositoryModel.Load();
        await PrepareAsync(target, settings, model, cancellationToken);

        var query = new TileQuery(model, target, new QueryRunner(target.Warehouse, StatementTimeout), DemoSuite.Today);
        var tiles = DashboardTiles.For(DemoSuite.Today);
        var rows = new List<IReadOnlyList<string>>(tiles.Count + 1);
        foreach (var tile in tiles)
        {
            rows.Add(await MeasureTileAsync(target, query, tile, settings.Runs, cancellationToken));
        }

        var dashboard = await Repeat.RunAsync(
            $"{target.Name} dashboard",
            settings.Runs,
            [
                new Measure("base", token => DashboardAsync(query, tiles, useRollups: false, token)),
                new Measure("rollup", token => DashboardAsync(query, tiles, useRollups: true, token)),
            ],
            cancellationToken);
        var (dashboardBase, dashboardRollup) = (dashboard[0], dashboard[1]);
        rows.Add(
        [
            target.Name,
            $"**whole dashboard** ({tiles.Count} tiles, {DashboardParallelism} at a time)",
            "",
            "",
            Figures.Duration(dashboardBase.Median),
            Figures.Duration(dashboardBase.Percentile(0.95)),
            "n/a",
            "n/a",
            "n/a",
            "n/a",
            Figures.Duration(dashboardRollup.Median),
            Figures.Duration(dashboardRollup.Percentile(0.95)),
            "n/a",
            "n/a",
            "n/a",
            "n/a",
            Figures.Ratio(dashboardBase.Median, dashboardRollup.Median),
        ]);
        return rows;
    }

    /// <summary>
    /// The demo company loaded into the warehouse (unless a kept warehouse already holds it at this size), and the model's
    /// rollups built or brought up to date over it; not measured.
    /// </summary>
    private static async Task PrepareAsync(BenchTarget target, BenchSettings settings, Core.Model.SemanticModel model,
                                           CancellationToken cancellationToken)
    {
        await target.Warehouse.MigrateAsync(cancellationToken);
        await target.ExecuteAsync(PreparedMarker.CreateSql, cancellationToken);
        var size = PreparedMarker.Size(settings);
        var held = await target.TextAsync(PreparedMarker.SelectSql, cancellationToken);
        if (held == size)
        {
            Progress.Line($"{target.Name} query: the kept warehouse holds the demo company at {size} (not loaded again)");
        }
        else if (held.Length > 0)
        {
            throw new BenchSetupException($"{target.Name}: the kept warehouse holds the demo company at {held}, not {size}: use another --keep name.");
        }
        else if (target.Name == "postgres" && settings.Keep is { } keep && await GoldCopy.AvailableAsync(keep, size, cancellationToken))
        {
            Progress.Line($"postgres query: copying the gold tables of the kept DuckDB warehouse \"{keep}\" (not measured)");
            await GoldCopy.CopyAsync(keep, target.Warehouse, cancellationToken);
            await target.ExecuteAsync(PreparedMarker.InsertSql(size), cancellationToken);
        }
        else
        {
            await LoadDemoAsync(target, settings, cancellationToken);
            await target.ExecuteAsync(PreparedMarker.InsertSql(size), cancellationToken);
        }

        var start = Stopwatch.GetTimestamp();
        var tables = new RollupMaintenance(model, target.Warehouse.Dialect).Tables;
        await RollupStore.EnsureAsync(target.Warehouse, tables, cancellationToken);
        Progress.Line($"{target.Name} query: {tables.Count} rollups built in {Figures.Duration(Stopwatch.GetElapsedTime(start))}");
    }

    private static async Task LoadDemoAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        using var pipeline = new IngestPipeline(target.Warehouse, NullLoggerFactory.Instance);
        var options = new DemoOptions { Today = DemoSuite.Today, Days = settings.Days, OrdersPerDay = settings.OrdersPerDay };

        Progress.Line($"{target.Name} query: loading the demo company, {settings.Days} days at {settings.OrdersPerDay} orders a day (not measured)");
        var start = Stopwatch.GetTimestamp();
        var report = await DemoLoad.RunAsync(DemoCompany.Generate(options), pipeline, cancellationToken: cancellationToken);
        Verify.Equal(0L, report.Rejected, "events rejected while processing the demo");
        Progress.Line($"{target.Name} query: {Figures.Count(report.TotalProcessed)} events loaded in {Figures.Duration(Stopwatch.GetElapsedTime(start))}");
    }

    private static async Task<IReadOnlyList<string>> MeasureTileAsync(
        BenchTarget target, TileQuery query, DashboardTile tile, int runs, CancellationToken cancellationToken)
    {
        var rollup = query.Compile(tile.Spec, useRollups: true).Rollup;
        var baseAnswer = await query.AnswerAsync(tile.Spec, useRollups: false, cancellationToken);
        Verify.SameAnswer(baseAnswer, await query.AnswerAsync(tile.Spec, useRollups: true, cancellationToken), $"rollup answer of '{tile.Name}'");

        var samples = await Repeat.RunAsync(
            $"{target.Name} {tile.Name}",
            runs,
            [
                new Measure("base", token => TimeAsync(() => query.AnswerAsync(tile.Spec, useRollups: false, token))),
                new Measure("base engine", token => query.EngineTimeAsync(tile.Spec, useRollups: false, token)),
                new Measure("base direct", token => query.DirectTimeAsync(tile.Spec, useRollups: false, token)),
                new Measure("rollup", token => TimeAsync(() => query.AnswerAsync(tile.Spec, useRollups: true, token))),
                new Measure("rollup engine", token => query.EngineTimeAsync(tile.Spec, useRollups: true, token)),
                new Measure("rollup direct", token => query.DirectTimeAsync(tile.Spec, useRollups: true, token)),
            ],
            cancellationToken);
        var (ours, engine, direct, fromRollup, rollupEngine, rollupDirect) = (samples[0], samples[1], samples[2], samples[3], samples[4], samples[5]);

        return
        [
            target.Name,
            tile.Name,
            rollup ?? "none (base tables)",
            Figures.Count(baseAnswer.Rows.Count),
            Figures.Duration(ours.Median),
            Figures.Duration(ours.Percentile(0.95)),
            Figures.Duration(engine.Median),
            Figures.Ratio(ours.Median, engine.Median),
            Figures.Duration(direct.Median),
            Figures.Ratio(ours.Median, direct.Median),
            Figures.Duration(fromRollup.Median),
            Figures.Duration(fromRollup.Percentile(0.95)),
            Figures.Duration(rollupEngine.Median),
            Figures.Ratio(fromRollup.Median, rollupEngine.Median),
            Figures.Duration(rollupDirect.Median),
            Figures.Ratio(fromRollup.Median, rollupDirect.Median),
            Figures.Ratio(ours.Median, fromRollup.Median),
        ];
    }

    private static async Task<TimeSpan> DashboardAsync(
        TileQuery query, IReadOnlyList<DashboardTile> tiles, bool useRollups, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            tiles,
            new ParallelOptions { MaxDegreeOfParallelism = DashboardParallelism, CancellationToken = cancellationToken },
            async (tile, token) => await query.AnswerAsync(tile.Spec, useRollups, token));
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> answer)
    {
        var start = Stopwatch.GetTimestamp();
        await answer();
        return Stopwatch.GetElapsedTime(start);
    }
}
