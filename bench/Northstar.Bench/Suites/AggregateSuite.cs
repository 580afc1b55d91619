using System.Diagnostics;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Warehouse;

namespace Northstar.Bench.Suites;

/// <summary>
/// <c>sum(amount) group by day</c> over N rows: a small result (3,653 rows) from a large scan. Our figure is execute plus
/// reading every value through our DuckDB provider or Npgsql; the engine's figure is its own timing of the same query.
/// The target: on DuckDB our reader adds less than 10% for results under 100k rows.
/// </summary>
internal sealed class AggregateSuite : ISuite
{
    private const string Sql = $"select day, sum(amount) as amount from {Dataset.FactsTable} group by day order by day";
    private const double DuckDbMaxOverhead = 1.10;

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Aggregate: sum(amount) group by day",
        $"`{Sql}` over {Figures.Count(settings.Rows)} rows. *Ours* is execute + read every value (provider / Npgsql); "
        + $"*engine* is the engine's own time for the same query. Target (DuckDB): ours/engine < {DuckDbMaxOverhead:N2}.",
        ["engine", "rows", "result rows", "ours median", "ours min", "engine median", "engine min", "ours/engine", "target met"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var rows = settings.Rows;
        await target.EnsureFactsAsync(rows, cancellationToken);
        var expectedTotal = Dataset.TotalAmount(rows);

        var samples = await Repeat.RunAsync(
            $"{target.Name} aggregate",
            settings.Runs,
            [
                new Measure("ours", token => ReadAllAsync(target, rows, expectedTotal, token)),
                new Measure("engine", token => target.EngineTimeAsync(Sql, token)),
            ],
            cancellationToken);
        var (ours, engine) = (samples[0], samples[1]);

        var ratio = ours.Median / engine.Median;
        return
        [
            [
                target.Name,
                Figures.Count(rows),
                Figures.Count(Dataset.DaysCovered(rows)),
                Figures.Duration(ours.Median),
                Figures.Duration(ours.Min),
                Figures.Duration(engine.Median),
                Figures.Duration(engine.Min),
                Figures.Ratio(ours.Median, engine.Median),
                target.Warehouse.Engine == EngineKind.DuckDb ? (ratio < DuckDbMaxOverhead ? "yes" : "no") : "n/a",
            ],
        ];
    }

    private static async Task<TimeSpan> ReadAllAsync(
        BenchTarget target, long rows, decimal expectedTotal, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;

        var start = Stopwatch.GetTimestamp();
        long resultRows = 0;
        var total = 0m;
        var previousDay = DateTime.MinValue;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            // Synchronous Read: the figure is the reader's cost, not that of a Task per row.
            while (reader.Read())
            {
                var day = reader.GetDateTime(0);
                Verify.Ascending(previousDay, day, "day order");
                previousDay = day;
                total += reader.GetDecimal(1);
                resultRows++;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Verify.Equal(Dataset.DaysCovered(rows), resultRows, "number of days");
        Verify.Equal(expectedTotal, total, "sum of the daily sums");
        return elapsed;
    }
}
