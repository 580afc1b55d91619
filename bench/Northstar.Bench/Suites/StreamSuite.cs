using System.Diagnostics;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Warehouse;

namespace Northstar.Bench.Suites;

/// <summary>
/// A large result, every row of the facts table with four columns, read in full with typed getters; values per second.
/// The engine's figure is its own timing of the same query with the rows discarded instead of sent to us.
/// The target: our DuckDB reader streams at least 20 million values per second.
/// </summary>
internal sealed class StreamSuite : ISuite
{
    private const string Sql = $"select id, day, amount, label from {Dataset.FactsTable}";
    private const int Columns = 4;
    private const double DuckDbMinValuesPerSecond = 20e6;

    public ResultTable CreateTable(BenchSettings settings) => new(
        "Stream: a large result",
        $"`{Sql}` ({Figures.Count(settings.Rows)} rows × {Columns} values) read in full with typed getters "
        + "(GetInt64, GetDateTime, GetDecimal, GetString). Target (DuckDB): at least 20 M values/s.",
        ["engine", "rows", "values", "ours median", "ours min", "values/s (median)", "engine median", "ours/engine", "target met"]);

    public async Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        var rows = settings.Rows;
        await target.EnsureFactsAsync(rows, cancellationToken);

        var samples = await Repeat.RunAsync(
            $"{target.Name} stream",
            settings.Runs,
            [
                new Measure("ours", token => ReadAllAsync(target, rows, token)),
                new Measure("engine", token => target.EngineTimeAsync(Sql, token)),
            ],
            cancellationToken);
        var (ours, engine) = (samples[0], samples[1]);

        var values = rows * Columns;
        var valuesPerSecond = values / ours.Median.TotalSeconds;
        return
        [
            [
                target.Name,
                Figures.Count(rows),
                Figures.Count(values),
                Figures.Duration(ours.Median),
                Figures.Duration(ours.Min),
                Figures.Rate(values, ours.Median, "values"),
                Figures.Duration(engine.Median),
                Figures.Ratio(ours.Median, engine.Median),
                target.Warehouse.Engine == EngineKind.DuckDb ? (valuesPerSecond >= DuckDbMinValuesPerSecond ? "yes" : "no") : "n/a",
            ],
        ];
    }

    private static async Task<TimeSpan> ReadAllAsync(BenchTarget target, long rows, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;

        var start = Stopwatch.GetTimestamp();
        long resultRows = 0;
        long idSum = 0;
        var amountSum = 0m;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            // Synchronous Read: the figure is the reader's cost, not that of a Task per row.
            while (reader.Read())
            {
                idSum += reader.GetInt64(0);
                _ = reader.GetDateTime(1);
                amountSum += reader.GetDecimal(2);
                _ = reader.GetString(3);
                resultRows++;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Verify.Equal(rows, resultRows, "number of rows");
        Verify.Equal(rows * (rows - 1) / 2, idSum, "sum of ids");
        Verify.Equal(Dataset.TotalAmount(rows), amountSum, "sum of amounts");
        return elapsed;
    }
}
