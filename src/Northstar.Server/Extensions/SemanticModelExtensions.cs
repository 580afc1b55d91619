using Northstar.Core.Model;
using Northstar.Core.Rollups;
using Northstar.Server.Queries;
using Northstar.Warehouse;

namespace Northstar.Server.Extensions;

internal static class SemanticModelExtensions
{
    /// <summary>The configuration key of the model folder; the default is <c>model/</c> next to the assemblies.</summary>
    public const string PathSetting = "Northstar:Model:Path";

    /// <summary>
    /// The semantic model from <c>*.yaml</c> in <c>Northstar:Model:Path</c>, loaded and validated when the host starts
    /// (before migrations and before the server listens); an invalid model stops the start, naming every problem.
    /// </summary>
    public static IHostApplicationBuilder AddSemanticModel(this IHostApplicationBuilder builder)
    {
        // Read from the built configuration, not the builder's: hosts such as WebApplicationFactory add their settings late.
        builder.Services.AddSingleton(services => ModelLoader.Load(
            services.GetRequiredService<IConfiguration>()[PathSetting] is { Length: > 0 } configured
                ? Path.GetFullPath(configured)
                : Path.Combine(AppContext.BaseDirectory, "model")));
        builder.Services.AddSingleton(services => services.GetRequiredService<LoadedModel>().Model);
        // The model's rollups on this warehouse's engine: built at start-up, refreshed by every ingest batch.
        builder.Services.AddSingleton(services => new RollupMaintenance(
            services.GetRequiredService<SemanticModel>(), services.GetRequiredService<IWarehouse>().Dialect));
        builder.Services.AddHostedService<LoadSemanticModelOnStartup>();
        return builder;
    }
}
