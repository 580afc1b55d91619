using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Warehouse.DuckDb;
using Northstar.Warehouse.Postgres;

namespace Northstar.Warehouse;

/// <summary>Creates the warehouse for the configured engine.</summary>
public static class WarehouseFactory
{
    /// <summary>
    /// Validates <paramref name="options"/> and creates the warehouse they describe. Nothing is migrated here:
    /// call <see cref="IWarehouse.MigrateAsync"/> at start-up.
    /// </summary>
    /// <exception cref="WarehouseConfigurationException">The options are not usable; the message names each setting at fault.</exception>
    public static IWarehouse Create(WarehouseOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new WarehouseConfigurationException(problems);

        loggerFactory ??= NullLoggerFactory.Instance;
        return options.EngineKind switch
        {
            EngineKind.PostgreSql => new PostgresWarehouse(options, loggerFactory),
            _ => new DuckDbWarehouse(options, loggerFactory),
        };
    }
}
