using Northstar.Core.Queries;
using Northstar.Server.Dashboards;
using Northstar.Server.Queries;

namespace Northstar.Server.Extensions;

internal static class DashboardsExtensions
{
    /// <summary>The configuration key of the dashboards folder, relative to the content root (the
    /// assemblies' folder), where the build copies <c>dashboards/*.yaml</c>; the default is <c>dashboards</c>.</summary>
    public const string PathSetting = "Northstar:Dashboards:Path";

    /// <summary>
    /// The dashboards from <c>*.yaml</c> in <c>Northstar:Dashboards:Path</c>, each spec compiled against the model as the
    /// query path compiles it, loaded when the host starts (after the model and the migrations, before the server
    /// listens); a problem stops the start, naming every problem with its file and path. Once the server listens, their
    /// tiles are answered once to warm the cache and the engine (<see cref="DashboardWarmUp"/>).
    /// </summary>
    public static IHostApplicationBuilder AddDashboards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var queries = services.GetRequiredService<QueryService>();
            var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return DashboardLoader.Load(
                Path.GetFullPath(services.GetRequiredService<IConfiguration>()[PathSetting] is { Length: > 0 } configured
                    ? configured
                    : "dashboards", contentRoot),
                spec => queries.Compile(spec, QueryScope.Unrestricted));
        });
        builder.Services.AddSingleton<DashboardCatalog>();
        builder.Services.AddHostedService<LoadDashboardsOnStartup>();
        builder.Services.AddSingleton<DashboardWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DashboardWarmUp>());
        return builder;
    }
}
