using System.CommandLine;
using Northstar.Core.Rollups;
using Northstar.Server.Apis;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.Server.Cli;

/// <summary><c>northstar migrate [--Key=value ...]</c>: applies the pending warehouse migrations, prints them and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the pending warehouse migrations, print what was applied and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction(RunAsync);
        return migrate;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var app = CliHost.Build(parseResult.UnmatchedTokens);
        var warehouse = app.Services.GetRequiredService<IWarehouse>();
        var (report, rollups) = await WarehousePreparation.PrepareAsync(
            warehouse, app.Services.GetRequiredService<RollupMaintenance>(), cancellationToken);
        await parseResult.InvocationConfiguration.Output.WriteLineAsync(Describe(report, warehouse.Engine));
        if (rollups.Built.Count > 0)
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Built the rollups {string.Join(", ", rollups.Built)}.");
        return 0;
    }

    private static string Describe(MigrationReport report, EngineKind engine)
    {
        var name = EngineNames.Of(engine);
        if (report.Applied.Count == 0)
            return $"The {name} warehouse is up to date ({report.AlreadyApplied} migrations applied earlier).";

        var lines = report.Applied.Select(version => $"  {version}");
        return $"Applied {report.Applied.Count} migrations to the {name} warehouse ({report.AlreadyApplied} applied earlier):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
