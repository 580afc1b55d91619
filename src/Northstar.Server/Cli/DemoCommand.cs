using System.CommandLine;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Accounts;
using Northstar.Server.Demo;
using Northstar.Server.Ingest;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.Server.Cli;

/// <summary>
/// <c>northstar demo [--days 365] [--branches 5] [--orders-per-day 2500] [--seed 42] [--live]</c>: migrates, loads the
/// demo company "Evergreen" through the ingest pipeline's bulk path (once per warehouse), then serves; with
/// <c>--live</c> it keeps producing orders, leads and appointments through the webhook path while serving.
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<int> Days = new("--days") { Description = "Days of history, ending yesterday (1-3660).", DefaultValueFactory = _ => 365 };
    private static readonly Option<int> Branches = new("--branches") { Description = "Branches (1-5).", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> OrdersPerDay = new("--orders-per-day") { Description = "Showroom orders per day across branches.", DefaultValueFactory = _ => 2500 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the generator: the same seed gives the same company.", DefaultValueFactory = _ => 42 };
    private static readonly Option<bool> Live = new("--live") { Description = "Keep producing events in real time through the webhook path." };

    public static Command Create(Func<string[], WebApplication> buildWebApp)
    {
        var demo = new Command("demo", "Load the demo company Evergreen (once), then serve.")
        {
            Days, Branches, OrdersPerDay, Seed, Live,
        };
        demo.TreatUnmatchedTokensAsErrors = false;
        demo.SetAction((parseResult, cancellationToken) => RunAsync(buildWebApp, parseResult, cancellationToken));
        return demo;
    }

    private static async Task<int> RunAsync(Func<string[], WebApplication> buildWebApp, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new DemoOptions
        {
            Days = parseResult.GetValue(Days),
            Branches = parseResult.GetValue(Branches),
            OrdersPerDay = parseResult.GetValue(OrdersPerDay),
            Seed = parseResult.GetValue(Seed),
            // Yesterday, so that no generated event lies in the future; --live fills today as it happens.
            Today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"demo: {e.Message.Split(Environment.NewLine)[0]}");
            return 2;
        }

        var app = buildWebApp([.. parseResult.UnmatchedTokens]);
        var warehouse = app.Services.GetRequiredService<IWarehouse>();
        var pipeline = app.Services.GetRequiredService<IngestPipeline>();
        await WarehousePreparation.PrepareAsync(warehouse, app.Services.GetRequiredService<RollupMaintenance>(), cancellationToken);

        var data = DemoCompany.Generate(options);
        var output = parseResult.InvocationConfiguration.Output;
        if (await DemoLoader.IsLoadedAsync(warehouse, cancellationToken))
            await output.WriteLineAsync("The Evergreen demo company is already loaded in this warehouse; serving it.");
        else
            await DemoLoader.LoadAsync(data, warehouse, app.Services.GetRequiredService<RollupMaintenance>(),
                                       app.Services.GetRequiredService<ILoggerFactory>(), output, cancellationToken);

        // The first Super Admin before the demo users: it is created only while there is no user.
        await app.Services.GetRequiredService<InitialAdmin>().EnsureAsync(output, cancellationToken);
        await app.Services.GetRequiredService<DemoUsers>().EnsureAsync(data, output, cancellationToken);

        if (parseResult.GetValue(Live))
        {
            var signal = app.Services.GetRequiredService<ProcessingSignal>();
            app.Lifetime.ApplicationStarted.Register(() =>
                _ = DemoLoader.RunLiveAsync(data, pipeline, signal, app.Services.GetRequiredService<ILogger<DemoData>>(), app.Lifetime.ApplicationStopping));
            await output.WriteLineAsync("Live: a few orders, leads and appointments per second go through the webhook path.");
        }

        await app.RunAsync();
        return 0;
    }
}
