using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Ingest;
using Northstar.Ingest.Files;
using Northstar.Ingest.Pipeline;

namespace Northstar.Bench.Suites;

/// <summary>
/// Imports a generated orders CSV of N lines into gold, as the <c>import</c> verb does: the file's validating pass
/// (<c>FileImportReader.ReadAsync</c>), the bulk write to bronze (<c>AcceptBulkAsync</c>) and processing to silver and
/// gold (<c>ProcessPendingAsync</c>), each timed. An import is not repeatable on the same data (the second changes
/// nothing), so a small file of other orders warms up and the full file is imported once.
/// </summary>
internal sealed class CsvSuite : ISuite
{
    private const long WarmUpLines = 10_000;
    private const string Source = "bench-csv";
    private const string IdPrefix = "bench-";

    public ResultTable CreateTable(BenchSettings settings) => new(
        "CSV import into gold",
        $"A generated orders CSV of {Figures.Count(settings.Rows)} lines (one row per line item, 1–5 lines per order) read, "
        + "accepted into bronze and processed into gold; one import after a warm-up import of "
        + $"{Figures.Count(Math.Min(WarmUpLines, settings.Rows))} other lines. Gold's `fact_sales` count and sum of "
        + "`net_amount` are checked against the file's own totals.",
        ["engine", "lines", "read", "accept", "process", "end to end", "read lines/s", "accept lines/s", "process lines/s", "end-to-end lines/s"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "northstar-bench-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await target.Warehouse.MigrateAsync(cancellationToken);
            using var pipeline = new IngestPipeline(target.Warehouse, NullLoggerFactory.Instance);

            var warmUpFile = Path.Combine(folder, "warm-up.csv");
            var warmUp = await OrdersCsv.WriteAsync(warmUpFile, "warm-up-", Math.Min(WarmUpLines, settings.Rows), cancellationToken);
            var warmUpPhases = await ImportAsync(pipeline, warmUpFile, warmUp, cancellationToken);
            Progress.Line($"{target.Name} csv: warm-up {Figures.Duration(warmUpPhases.EndToEnd)}");

            var file = Path.Combine(folder, "orders.csv");
            Progress.Line($"{target.Name} csv: writing {Figures.Count(settings.Rows)} lines (not measured)");
            var totals = await OrdersCsv.WriteAsync(file, IdPrefix, settings.Rows, cancellationToken);
            var phases = await ImportAsync(pipeline, file, totals, cancellationToken);
            Progress.Line(
                $"{target.Name} csv: read {Figures.Duration(phases.Read)}, accept {Figures.Duration(phases.Accept)}, "
                + $"process {Figures.Duration(phases.Process)}");

            await VerifyGoldAsync(target, totals, cancellationToken);
            var lines = totals.Lines;
            return
            [
                [
                    target.Name,
                    Figures.Count(lines),
                    Figures.Duration(phases.Read),
                    Figures.Duration(phases.Accept),
                    Figures.Duration(phases.Process),
                    Figures.Duration(phases.EndToEnd),
                    Figures.KiloRate(lines, phases.Read, "lines"),
                    Figures.KiloRate(lines, phases.Accept, "lines"),
                    Figures.KiloRate(lines, phases.Process, "lines"),
                    Figures.KiloRate(lines, phases.EndToEnd, "lines"),
                ],
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Phases(TimeSpan Read, TimeSpan Accept, TimeSpan Process)
    {
        public TimeSpan EndToEnd => Read + Accept + Process;
    }

    private static async Task<Phases> ImportAsync(
        IngestPipeline pipeline, string file, OrdersCsv.Totals totals, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await FileImportReader.ReadAsync(file, new FileImportOptions { Entity = EntityKind.Orders }, ct: cancellationToken);
        var read = Stopwatch.GetElapsedTime(start);
        Verify.Equal(0L, result.BadRows, $"bad rows in {Path.GetFileName(file)}");
        Verify.Equal(totals.Lines, result.Rows, $"rows read from {Path.GetFileName(file)}");

        start = Stopwatch.GetTimestamp();
        var outcome = await pipeline.AcceptBulkAsync(Source, EntityKind.Orders, result.ReadEventsAsync(ct: cancellationToken), ct: cancellationToken);
        var accept = Stopwatch.GetElapsedTime(start);
        Verify.Equal(totals.Orders, outcome.Accepted, $"orders accepted from {Path.GetFileName(file)}");

        start = Stopwatch.GetTimestamp();
        var report = await pipeline.ProcessPendingAsync(cancellationToken);
        var process = Stopwatch.GetElapsedTime(start);
        Verify.Equal(0L, report.Rejected, $"events rejected while processing {Path.GetFileName(file)}");
        return new Phases(read, accept, process);
    }

    private static async Task VerifyGoldAsync(BenchTarget target, OrdersCsv.Totals totals, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select count(*), sum(net_amount) from gold.fact_sales where order_id like '{IdPrefix}%'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Verify.Equal(totals.Lines, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), "count of gold.fact_sales lines");
        Verify.Equal(totals.LineTotal, Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture), "sum of gold.fact_sales net_amount");
    }
}
