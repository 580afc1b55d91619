using Northstar.Core.Rollups;
using Northstar.Warehouse;

namespace Northstar.Server.Startup;

/// <summary>
/// Migrates the warehouse and builds the model's missing or changed rollups in the host's "starting" phase, which
/// completes before any hosted service starts, the web server and the ingest processor included: no request ever sees
/// a half-migrated warehouse or a missing rollup. Several nodes starting together are serialised by the warehouse's
/// migration and rollup locks.
/// </summary>
internal sealed partial class MigrateWarehouseOnStartup(
    IWarehouse warehouse, IServiceProvider services, ILogger<MigrateWarehouseOnStartup> logger) : StartingPhaseStep
{
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the model loads in the "starting" phase of the hosted service before this one,
        // which reports a broken model properly; constructing this service must not load it first.
        var rollups = services.GetRequiredService<RollupMaintenance>();
        var (report, built) = await WarehousePreparation.PrepareAsync(warehouse, rollups, cancellationToken);
        if (built.Built.Count > 0 || built.Dropped.Count > 0)
            LogRollups(logger, built.Built, built.Dropped);
        if (report.Applied.Count == 0)
            LogUpToDate(logger, warehouse.Engine, report.AlreadyApplied);
        else
            LogApplied(logger, warehouse.Engine, report.Applied.Count, report.Applied, report.AlreadyApplied);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollups built {Built}, dropped {Dropped}")]
    private static partial void LogRollups(ILogger logger, IReadOnlyList<string> built, IReadOnlyList<string> dropped);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warehouse ({Engine}) is up to date: {AlreadyApplied} migrations applied earlier")]
    private static partial void LogUpToDate(ILogger logger, EngineKind engine, int alreadyApplied);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warehouse ({Engine}) migrated: applied {Count} migrations {Migrations}, {AlreadyApplied} applied earlier")]
    private static partial void LogApplied(
        ILogger logger, EngineKind engine, int count, IReadOnlyList<string> migrations, int alreadyApplied);
}
