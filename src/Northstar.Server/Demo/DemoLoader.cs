using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Northstar.Core.Rollups;
using Northstar.Ingest;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using Northstar.Server.Ingest;
using Northstar.Warehouse;
using Spectre.Console;

namespace Northstar.Server.Demo;

/// <summary>Loads the demo company through the ingest pipeline, and keeps it live when asked.</summary>
internal static partial class DemoLoader
{
    /// <summary>The source name of the events <c>--live</c> produces.</summary>
    public const string LiveSource = "demo-live";

    /// <summary>Whether a demo load already reached this warehouse's bronze layer.</summary>
    public static async Task<bool> IsLoadedAsync(IWarehouse warehouse, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenReadConnectionAsync(cancellationToken);
        await using (connection)
        {
            // A constant, not a request value: no parameter needed.
            return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"select exists (select 1 from bronze.events where source = '{DemoLoad.Source}')", cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Generates every entity and writes it to bronze through the bulk path while processing bronze into silver and
    /// gold, then builds the rollups (<see cref="DemoLoad.RunThenBuildRollupsAsync"/>: the warehouse must not be read
    /// meanwhile), with a progress bar per entity and the time of the whole load.
    /// </summary>
    public static async Task LoadAsync(DemoData data, IWarehouse warehouse, RollupMaintenance rollups, ILoggerFactory loggerFactory,
                                       TextWriter output, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.MarkupLine($"Loading the demo company [bold]Evergreen[/]: {data.Options.Days} days to {data.Options.Today:yyyy-MM-dd}, "
            + $"{data.Options.Branches} branches, about {data.Options.OrdersPerDay:N0} orders a day, seed {data.Options.Seed}.");

        var observer = new ProgressBars();
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                observer.Start(context, await Task.Run(() => data.Totals, cancellationToken));
                var transform = context.AddTask("bronze → silver → gold beside the writing, then the rollups").IsIndeterminate();
                var report = await DemoLoad.RunThenBuildRollupsAsync(data, warehouse, rollups.Tables, loggerFactory, observer, cancellationToken);
                transform.Description = $"bronze → silver → gold ({report.TotalProcessed:N0} events, {report.Rejected:N0} to data quality), rollups built";
                transform.IsIndeterminate(false);
                transform.Value = transform.MaxValue;
                transform.StopTask();
            });

        console.MarkupLine($"Loaded {observer.Accepted:N0} events in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.");
    }

    /// <summary>Sends a few live events per second through the webhook path (accept, then signal the processor) until stopped.</summary>
    public static async Task RunLiveAsync(DemoData data, IngestPipeline pipeline, ProcessingSignal signal, ILogger logger, CancellationToken stopping)
    {
        var random = new Random();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var batch = data.LiveEvents(DateTimeOffset.UtcNow, random);
                await SendAsync(pipeline, EntityKind.Orders, batch.Orders, stopping);
                await SendAsync(pipeline, EntityKind.Leads, batch.Leads, stopping);
                await SendAsync(pipeline, EntityKind.Appointments, batch.Appointments, stopping);
                signal.Raise();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: nothing to report.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            LogLiveStopped(logger, e.Message);
        }
    }

    private static async Task SendAsync<T>(IngestPipeline pipeline, EntityKind entity, IReadOnlyList<T> events, CancellationToken cancellationToken)
        where T : IWireEvent
    {
        if (events.Count > 0)
            await pipeline.AcceptAsync(LiveSource, entity, [.. events.Select(e => IncomingEvent.From(e))], cancellationToken);
    }

    // A progress bar per entity, created up front in load order, started as the entity is written.
    private sealed class ProgressBars : IDemoLoadObserver
    {
        private readonly Dictionary<EntityKind, ProgressTask> _tasks = [];
        private DemoTotals? _totals;

        public long Accepted { get; private set; }

        public void Start(ProgressContext context, DemoTotals totals)
        {
            _totals = totals;
            foreach (var entity in DemoLoad.Order)
                _tasks[entity] = context.AddTask(EntityNames.Of(entity), autoStart: false);
        }

        public IProgress<long> Writing(EntityKind entity)
        {
            var task = _tasks[entity];
            task.StartTask();
            task.MaxValue = Math.Max(1, Expected(_totals!, entity));
            return new Progress<long>(read => task.Value = read);
        }

        public void Written(EntityKind entity, BulkOutcome outcome)
        {
            var task = _tasks[entity];
            Accepted += outcome.Accepted;
            task.Description = $"{EntityNames.Of(entity)} ({outcome.Accepted:N0})";
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    private static long Expected(DemoTotals totals, EntityKind entity) => entity switch
    {
        EntityKind.Locations => totals.Locations,
        EntityKind.Employees => totals.Employees,
        EntityKind.Products => totals.Products,
        EntityKind.Customers => totals.CustomerVersions,
        EntityKind.Campaigns => totals.Campaigns,
        EntityKind.Orders => totals.Orders,
        EntityKind.Leads => totals.Leads,
        EntityKind.Appointments => totals.Appointments,
        EntityKind.Jobs => totals.Jobs,
        EntityKind.Tickets => totals.Tickets,
        EntityKind.Calls => totals.Calls,
        EntityKind.CanvassDoors => totals.CanvassDoors,
        EntityKind.MarketingSpend => totals.MarketingSpendRows,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The live demo stopped: {Reason}")]
    private static partial void LogLiveStopped(ILogger logger, string reason);
}
