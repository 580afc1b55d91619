using System.CommandLine;
using System.Numerics;
using System.Text.RegularExpressions;
using Northstar.Bench.Targets;
using Northstar.Warehouse;

namespace Northstar.Bench;

/// <summary>The command line: one verb per suite, the same options on each.</summary>
internal static partial class BenchCommand
{
    private const long DefaultRows = 10_000_000;
    private const int DefaultRuns = 5;
    private const long DefaultCsvLines = 5_000_000;
    private const long DefaultWebhookEvents = 20_000;
    private const int DefaultWebhookSenders = 16;
    private const int DefaultDemoDays = 365;
    private const int DefaultDemoOrdersPerDay = 2_500;
    private const int DefaultQueryOrdersPerDay = 9_800;
    private const int DefaultQueryCacheRuns = 50;
    private const int DefaultQueryRuns = 20;
    private const int DefaultDashboardRuns = 10;
    private const int DefaultLiveClients = 1_000;
    private const int DefaultLiveSubscriptions = 4;
    private const int DefaultLiveRate = 1_000;
    private const int DefaultLiveSeconds = 60;
    private const int DefaultLiveDays = 30;

    public static RootCommand Create()
    {
        var root = new RootCommand("Northstar benchmarks: bulk load, aggregation, result streaming, CSV import, the demo load and the dashboard queries on DuckDB and PostgreSQL.");
        root.Add(Verb(BenchSuite.Load, "Bulk-load N narrow rows through IWarehouse (DuckDB appender, PostgreSQL binary COPY); rows/s."));
        root.Add(Verb(BenchSuite.Aggregate, "sum(amount) group by day over N rows via our provider / Npgsql, beside the engine's time."));
        root.Add(Verb(BenchSuite.Stream, "Read all of an N-row, 4-column result with typed getters; values/s, beside the engine's time."));
        root.Add(Verb(BenchSuite.All, "Every suite, in order: load, aggregate, stream."));
        root.Add(CsvVerb());
        root.Add(WebhooksVerb());
        root.Add(DemoVerb());
        root.Add(QueryVerb());
        root.Add(QueryCacheVerb());
        root.Add(DashboardVerb());
        root.Add(LiveVerb());
        return root;
    }

    private static Command CsvVerb()
    {
        var engine = EngineOption();
        var lines = AtLeastOne(new Option<long>("--lines")
        {
            Description = "Order lines in the generated CSV.",
            DefaultValueFactory = _ => DefaultCsvLines,
        });
        var command = new Command(
            "csv", "Import a generated orders CSV of N lines into gold (read, accept, process); lines/s per phase and end to end.")
        {
            engine, lines,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var engineName = parse.GetRequiredValue(engine);
            var settings = new BenchSettings(BenchSuite.Csv, engineName, Engines(engineName), parse.GetValue(lines), Runs: 1);
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command WebhooksVerb()
    {
        var events = AtLeastOne(new Option<long>("--events")
        {
            Description = "Events sent and timed after the warm-up.",
            DefaultValueFactory = _ => DefaultWebhookEvents,
        });
        var senders = AtLeastOne(new Option<int>("--senders")
        {
            Description = "Concurrent senders, each with one request in flight.",
            DefaultValueFactory = _ => DefaultWebhookSenders,
        });
        var server = ServerOption();
        var command = new Command(
            "webhooks", "Start the server (embedded DuckDB) and post signed order events from K senders; events/s and p50/p95/p99.")
        {
            events, senders, server,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // The server runs the embedded engine; the harness's DuckDB target is only the report's engine line.
            var settings = new BenchSettings(BenchSuite.Webhooks, "duckdb", [EngineKind.DuckDb], parse.GetValue(events), Runs: 1)
            {
                Senders = parse.GetValue(senders),
                ServerPath = parse.GetRequiredValue(server),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command DemoVerb()
    {
        var engine = EngineOption();
        var days = AtLeastOne(new Option<int>("--days")
        {
            Description = "Days of the demo company.",
            DefaultValueFactory = _ => DefaultDemoDays,
        });
        var ordersPerDay = AtLeastOne(new Option<int>("--orders-per-day")
        {
            Description = "Orders a day across the branches.",
            DefaultValueFactory = _ => DefaultDemoOrdersPerDay,
        });
        var command = new Command("demo", "Generate the demo company and load it through the ingest pipeline into gold; seconds and events/s.")
        {
            engine, days, ordersPerDay,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var engineName = parse.GetRequiredValue(engine);
            var settings = new BenchSettings(BenchSuite.Demo, engineName, Engines(engineName), Rows: 0, Runs: 1)
            {
                Days = parse.GetValue(days),
                OrdersPerDay = parse.GetValue(ordersPerDay),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command QueryVerb()
    {
        var engine = EngineOption();
        var days = AtLeastOne(new Option<int>("--days")
        {
            Description = "Days of the demo company.",
            DefaultValueFactory = _ => DefaultDemoDays,
        });
        var ordersPerDay = AtLeastOne(new Option<int>("--orders-per-day")
        {
            Description = "Orders a day across the branches (the default makes about 10M order lines over 365 days).",
            DefaultValueFactory = _ => DefaultQueryOrdersPerDay,
        });
        var runs = AtLeastOne(new Option<int>("--runs")
        {
            Description = "Measured runs after the warm-up run; the report gives their p50 and p95.",
            DefaultValueFactory = _ => DefaultQueryRuns,
        });
        var keep = KeepOption("Keep the prepared warehouse under this name (a-z, 0-9, _) and reuse it on the next run of the same size.");
        var command = new Command(
            "query", "The executive dashboard's 8 tiles in-process, from the base tables and from the rollups, beside the engine's time.")
        {
            engine, days, ordersPerDay, runs, keep,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var engineName = parse.GetRequiredValue(engine);
            var settings = new BenchSettings(BenchSuite.Query, engineName, Engines(engineName), Rows: 0, parse.GetValue(runs))
            {
                Days = parse.GetValue(days),
                OrdersPerDay = parse.GetValue(ordersPerDay),
                Keep = parse.GetValue(keep),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command QueryCacheVerb()
    {
        var engine = EngineOption();
        var keep = KeepOption("The kept warehouse to serve, prepared by `query --keep <name>` on the same engine.");
        keep.Required = true;
        var runs = AtLeastOne(new Option<int>("--runs")
        {
            Description = "Measured cache hits per tile after the warm-up hit; the report gives their p50 and p95.",
            DefaultValueFactory = _ => DefaultQueryCacheRuns,
        });
        var server = ServerOption();
        var command = new Command(
            "query-cache", "Serve a kept warehouse with the built server and time the dashboard's tiles answered from the cache.")
        {
            engine, keep, runs, server,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var engineName = parse.GetRequiredValue(engine);
            var settings = new BenchSettings(BenchSuite.QueryCache, engineName, Engines(engineName), Rows: 0, parse.GetValue(runs))
            {
                Keep = parse.GetRequiredValue(keep),
                ServerPath = parse.GetRequiredValue(server),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command DashboardVerb()
    {
        var days = AtLeastOne(new Option<int>("--days")
        {
            Description = "Days of the demo company.",
            DefaultValueFactory = _ => DefaultDemoDays,
        });
        var ordersPerDay = AtLeastOne(new Option<int>("--orders-per-day")
        {
            Description = "Orders a day across the branches (the default is the demo verb's company).",
            DefaultValueFactory = _ => DefaultDemoOrdersPerDay,
        });
        var runs = AtLeastOne(new Option<int>("--runs")
        {
            Description = "Measured warm visits per dashboard after the warm-up visit; the report gives their p50 and p95.",
            DefaultValueFactory = _ => DefaultDashboardRuns,
        });
        var keep = KeepOption("Keep the demo company's data folder under this name and serve it again on the next run.");
        var keptQuery = KeepOption(
            "Serve the warehouse a `query --keep <name>` run prepared (e.g. 10M order lines) instead of the demo verb's.", "--kept-query");
        var server = ServerOption();
        var chromium = new Option<string>("--chromium")
        {
            Description = "The Chromium executable (default: $NORTHSTAR_TEST_CHROMIUM, else /usr/bin/chromium).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NORTHSTAR_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        };
        var command = new Command(
            "dashboard", "Serve the demo company with the built server and time each dashboard in Chromium, cold and warm.")
        {
            days, ordersPerDay, runs, keep, keptQuery, server, chromium,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new BenchSettings(BenchSuite.Dashboard, "duckdb", [EngineKind.DuckDb], Rows: 0, parse.GetValue(runs))
            {
                Days = parse.GetValue(days),
                OrdersPerDay = parse.GetValue(ordersPerDay),
                Keep = parse.GetValue(keep),
                KeptQuery = parse.GetValue(keptQuery),
                ServerPath = parse.GetRequiredValue(server),
                ChromiumPath = parse.GetRequiredValue(chromium),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command LiveVerb()
    {
        var clients = AtLeastOne(new Option<int>("--clients")
        {
            Description = "WebSocket clients on the live hub, spread evenly over the subscriptions.",
            DefaultValueFactory = _ => DefaultLiveClients,
        });
        var subscriptions = AtLeastOne(new Option<int>("--subscriptions")
        {
            Description = "Subscriptions (1 to 4): revenue + orders today; by branch; one branch's orders; leads today.",
            DefaultValueFactory = _ => DefaultLiveSubscriptions,
        });
        subscriptions.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > DefaultLiveSubscriptions)
                result.AddError($"--subscriptions must be at most {DefaultLiveSubscriptions}.");
        });
        var rate = AtLeastOne(new Option<int>("--rate")
        {
            Description = "Order events per second, sent as signed webhook batches.",
            DefaultValueFactory = _ => DefaultLiveRate,
        });
        var duration = AtLeastOne(new Option<int>("--duration")
        {
            Description = "Seconds to send orders for.",
            DefaultValueFactory = _ => DefaultLiveSeconds,
        });
        var days = AtLeastOne(new Option<int>("--days")
        {
            Description = "Days of the demo company the server loads before serving.",
            DefaultValueFactory = _ => DefaultLiveDays,
        });
        var server = ServerOption();
        var command = new Command(
            "live",
            "Serve the demo company, subscribe N WebSocket clients and post webhook orders; event → client latency p50/p99, pushes/s, CPU, memory.")
        {
            clients, subscriptions, rate, duration, days, server,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // The server runs the embedded engine; the harness's DuckDB target is only the report's engine line.
            var settings = new BenchSettings(BenchSuite.Live, "duckdb", [EngineKind.DuckDb], Rows: 0, Runs: 1)
            {
                Clients = parse.GetValue(clients),
                Subscriptions = parse.GetValue(subscriptions),
                Rate = parse.GetValue(rate),
                DurationSeconds = parse.GetValue(duration),
                Days = parse.GetValue(days),
                ServerPath = parse.GetRequiredValue(server),
            };
            return BenchRunner.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Option<string> ServerOption() => new("--server")
    {
        Description = "The built Northstar.Server.dll (default: the one next to the harness's own build output).",
        DefaultValueFactory = _ => ServerProcess.DefaultPath,
    };

    // The name becomes part of a folder and a database name, so it is checked wherever it is taken.
    private static Option<string> KeepOption(string description, string option = "--keep")
    {
        var keep = new Option<string>(option) { Description = description };
        keep.Validators.Add(result =>
        {
            if (result.GetValue(keep) is { } name && !KeepName().IsMatch(name))
                result.AddError($"{option} must be 1 to 30 of a-z, 0-9 and _; \"{name}\" is not.");
        });
        return keep;
    }

    [GeneratedRegex("^[a-z0-9_]{1,30}$")]
    private static partial Regex KeepName();

    private static Option<T> AtLeastOne<T>(Option<T> option)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() < T.One)
            {
                result.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }

    private static Option<string> EngineOption()
    {
        var engine = new Option<string>("--engine")
        {
            Description = "The engine(s) to measure.",
            DefaultValueFactory = _ => "both",
        };
        engine.AcceptOnlyFromAmong("duckdb", "postgres", "both");
        return engine;
    }

    private static Command Verb(BenchSuite suite, string description)
    {
        var engine = EngineOption();

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
