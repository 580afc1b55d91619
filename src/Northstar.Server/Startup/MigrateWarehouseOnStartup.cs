using Northstar.Warehouse;

namespace Northstar.Server.Startup;

/// <summary>
/// Migrates the warehouse in the host's "starting" phase, which completes before any hosted service starts, the
/// web server included: no request ever sees a half-migrated warehouse. Several nodes starting together are
/// serialised by the warehouse's migration lock.
/// </summary>
internal sealed partial class MigrateWarehouseOnStartup(IWarehouse warehouse, ILogger<MigrateWarehouseOnStartup> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var report = await warehouse.MigrateAsync(cancellationToken);
        if (report.Applied.Count == 0)
            LogUpToDate(logger, warehouse.Engine, report.AlreadyApplied);
        else
            LogApplied(logger, warehouse.Engine, report.Applied.Count, report.Applied, report.AlreadyApplied);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warehouse ({Engine}) is up to date: {AlreadyApplied} migrations applied earlier")]
    private static partial void LogUpToDate(ILogger logger, EngineKind engine, int alreadyApplied);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warehouse ({Engine}) migrated: applied {Count} migrations {Migrations}, {AlreadyApplied} applied earlier")]
    private static partial void LogApplied(
        ILogger logger, EngineKind engine, int count, IReadOnlyList<string> migrations, int alreadyApplied);
}
