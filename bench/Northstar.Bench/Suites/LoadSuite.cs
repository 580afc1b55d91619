using System.Diagnostics;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;

namespace Northstar.Bench.Suites;

/// <summary>
/// Bulk-loads N narrow rows into a fresh table through <c>IWarehouse.BeginBulkLoadAsync</c>: DuckDB's appender, or
/// PostgreSQL's binary COPY. The figure runs from opening the load to its commit; creating the table is outside it.
/// </summary>
internal sealed class LoadSuite : ISuite
{
    public ResultTable CreateTable(BenchSettings settings) => new(
        "Bulk load",
        $"{Figures.Count(settings.Rows)} rows of (id bigint, day date, amount decimal(18,2)) through `IWarehouse.BeginBulkLoadAsync` "
        + "into a fresh table, from the first row to the commit.",
        ["engine", "rows", "median", "min", "rows/s (median)", "rows/s (best)"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var rows = settings.Rows;
        await target.ExecuteAsync(Dataset.CreateSchemaSql, cancellationToken);
        var samples = await Repeat.RunAsync(
            $"{target.Name} load {Figures.Count(rows)} rows",
            settings.Runs,
            new Measure("load", token => LoadOnceAsync(target, rows, token)),
            cancellationToken);

        var stored = await target.CountAsync(Dataset.LoadTable, cancellationToken);
        Verify.Equal(rows, stored, $"row count in {Dataset.LoadTable} after the load");
        await target.ExecuteAsync($"drop table {Dataset.LoadTable}", cancellationToken);

        return
        [
            [
                target.Name,
                Figures.Count(rows),
                Figures.Duration(samples.Median),
                Figures.Duration(samples.Min),
                Figures.Rate(rows, samples.Median, "rows"),
                Figures.Rate(rows, samples.Min, "rows"),
            ],
        ];
    }

    private static async Task<TimeSpan> LoadOnceAsync(BenchTarget target, long rows, CancellationToken cancellationToken)
    {
        await target.ExecuteAsync($"drop table if exists {Dataset.LoadTable}", cancellationToken);
        await target.ExecuteAsync(Dataset.CreateLoadTableSql, cancellationToken);

        var start = Stopwatch.GetTimestamp();
        long written;
        await using (var loader = await target.Warehouse.BeginBulkLoadAsync(Dataset.LoadTable, Dataset.LoadColumns, cancellationToken))
        {
            for (long id = 0; id < rows; id++)
            {
                loader.StartRow();
                loader.Write(id);
                loader.Write(Dataset.Day(id));
                loader.Write(Dataset.Amount(id));
            }

            written = await loader.CompleteAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Verify.Equal(rows, written, "row count reported by the bulk load");
        return elapsed;
    }
}
