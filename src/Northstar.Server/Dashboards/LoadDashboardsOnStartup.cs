using Northstar.Server.Startup;

namespace Northstar.Server.Dashboards;

/// <summary>
/// Loads the dashboards in the host's "starting" phase, after the model and the migrations and before the server
/// listens: a dashboard with a problem stops the start with every problem logged on its own line and listed in the
/// failure's message.
/// </summary>
internal sealed partial class LoadDashboardsOnStartup(IServiceProvider services, ILogger<LoadDashboardsOnStartup> logger)
    : StartingPhaseStep
{
    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var loaded = services.GetRequiredService<LoadedDashboards>();
            LogLoaded(logger, loaded.All.Count, loaded.All.Sum(dashboard => dashboard.Response.Tiles.Count));
            return Task.CompletedTask;
        }
        catch (DashboardLoadException failed)
        {
            foreach (var problem in failed.Problems.DefaultIfEmpty(failed.Message))
                LogProblem(logger, problem);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards loaded: {Dashboards} dashboards, {Tiles} tiles")]
    private static partial void LogLoaded(ILogger logger, int dashboards, int tiles);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Dashboard error: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
