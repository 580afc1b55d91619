using System.CommandLine;
using System.Globalization;
using Northstar.Core.Rollups;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Square;
using Northstar.Server.Extensions;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.Server.Cli;

/// <summary>
/// <c>northstar sync square [--since 2026-01-01]</c>: pulls the orders updated since the last run (or since the given
/// date) from the Square-format POS configured under <c>Northstar:Sync:Square</c>, loads them into gold and reports.
/// </summary>
internal static class SyncCommand
{
    private static readonly Option<string?> Since = new("--since")
    {
        Description = "Sync orders updated since this date or instant (ISO 8601) instead of since the last run; the stored watermark never moves back.",
    };

    public static Command Create()
    {
        var square = new Command("square", "Pull orders from the Square-format POS (Northstar:Sync:Square) into the warehouse.") { Since };
        square.TreatUnmatchedTokensAsErrors = false;
        square.SetAction(RunSquareAsync);
        return new Command("sync", "Pull data from a connected source now.") { square };
    }

    private static async Task<int> RunSquareAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        DateTimeOffset? since = null;
        if (parseResult.GetValue(Since) is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await error.WriteLineAsync($"sync square: --since '{text}' is not a date or an ISO 8601 instant.");
                return 2;
            }

            since = parsed;
        }

        await using var app = CliHost.Build(parseResult.UnmatchedTokens, builder =>
        {
            builder.Services.AddSingleton<IngestPipeline>();
            builder.AddSquareSync(scheduled: false);
        });
        var options = app.Services.GetRequiredService<SquareOptions>();
        if (!options.Enabled)
        {
            await error.WriteLineAsync("sync square: the Square sync is not configured: set Northstar:Sync:Square:Enabled, BaseUrl, AccessToken and LocationIds.");
            return 2;
        }

        await WarehousePreparation.PrepareAsync(
            app.Services.GetRequiredService<IWarehouse>(), app.Services.GetRequiredService<RollupMaintenance>(), cancellationToken);
        try
        {
            var report = await app.Services.GetRequiredService<SquareSync>().RunAsync(since, cancellationToken);
            var processed = await app.Services.GetRequiredService<IngestPipeline>().ProcessPendingAsync(cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Square: {report.Pages} pages, {report.Orders:N0} orders: {report.Accepted:N0} new, {report.Duplicates:N0} already known, "
                + $"{report.Invalid:N0} unreadable; {processed.TotalProcessed:N0} applied to gold. Next run starts at {report.Watermark:O}.");
            return 0;
        }
        catch (SquareSyncException e)
        {
            await error.WriteLineAsync($"sync square: {e.Message} Orders accepted before the failure are kept; the next run resumes after them.");
            return 1;
        }
    }
}
