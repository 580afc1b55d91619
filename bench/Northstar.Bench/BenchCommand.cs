using System.CommandLine;
using Northstar.Warehouse;

namespace Northstar.Bench;

/// <summary>The command line: one verb per suite, the same options on each.</summary>
internal static class BenchCommand
{
    private const long DefaultRows = 10_000_000;
    private const int DefaultRuns = 5;

    public static RootCommand Create()
    {
        var root = new RootCommand("Northstar benchmarks: bulk load, aggregation and result streaming on DuckDB and PostgreSQL.");
        root.Add(Verb(BenchSuite.Load, "Bulk-load N narrow rows through IWarehouse (DuckDB appender, PostgreSQL binary COPY); rows/s."));
        root.Add(Verb(BenchSuite.Aggregate, "sum(amount) group by day over N rows via our provider / Npgsql, beside the engine's time."));
        root.Add(Verb(BenchSuite.Stream, "Read all of an N-row, 4-column result with typed getters; values/s, beside the engine's time."));
        root.Add(Verb(BenchSuite.All, "Every suite, in order: load, aggregate, stream."));
        return root;
    }

    private static Command Verb(BenchSuite suite, string description)
    {
        var engine = new Option<string>("--engine")
        {
            Description = "The engine(s) to measure.",
            DefaultValueFactory = _ => "both",
        };
        engine.AcceptOnlyFromAmong("duckdb", "postgres", "both");

        var rows = new Option<long>("--rows")
        {
            Description = "Rows loaded, aggregated and streamed.",
            DefaultValueFactory = _ => DefaultRows,
        };
        rows.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--rows must be at least 1.");
            }
        });

        var runs = new Option<int>("--runs")
        {
            Description = "Measured runs after the warm-up run; the report gives their median and minimum.",
            DefaultValueFactory = _ => DefaultRuns,
        };
        runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });

        var command = new Command(suite.ToString().ToLowerInvariant(), description) { engine, rows, runs };
        command.SetAction((parse, cancellationToken) =>
        {
            var engineName = parse.GetRequiredValue(engine);
            var settings = new BenchSettings(suite, engineName, Engines(engineName), parse.GetValue(rows), parse.GetValue(runs));
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static EngineKind[] Engines(string name) => name switch
    {
        "duckdb" => [EngineKind.DuckDb],
        "postgres" => [EngineKind.PostgreSql],
        _ => [EngineKind.DuckDb, EngineKind.PostgreSql],
    };
}
