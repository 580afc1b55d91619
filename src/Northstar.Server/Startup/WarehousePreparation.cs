using Northstar.Core.Rollups;
using Northstar.Warehouse;
using Northstar.Warehouse.Migrations;
using Northstar.Warehouse.Rollups;

namespace Northstar.Server.Startup;

/// <summary>
/// What every host does to a warehouse before it serves or loads anything: applies the pending migrations, then builds
/// the rollups of the model that are missing or changed (the ingest batches keep them current from then on).
/// </summary>
internal static class WarehousePreparation
{
    public static async Task<(MigrationReport Migrations, RollupReport Rollups)> PrepareAsync(
        IWarehouse warehouse, RollupMaintenance rollups, CancellationToken cancellationToken)
    {
        var migrations = await warehouse.MigrateAsync(cancellationToken);
        var built = await RollupStore.EnsureAsync(warehouse, rollups.Tables, cancellationToken);
        return (migrations, built);
    }
}
