using Microsoft.Extensions.Options;
using Northstar.Server.Options;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.Server.Extensions;

internal static class WarehouseExtensions
{
    /// <summary>The warehouse of the configured engine, one for the process (it owns the pools and the DuckDB database).</summary>
    public static IHostApplicationBuilder AddWarehouse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => WarehouseFactory.Create(
            services.GetRequiredService<IOptions<NorthstarOptions>>().Value.Database,
            services.GetRequiredService<ILoggerFactory>()));
        return builder;
    }

    /// <summary>Applies pending migrations when the host starts, before the server listens.</summary>
    public static IHostApplicationBuilder AddMigrationsOnStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<MigrateWarehouseOnStartup>();
        return builder;
    }
}
