using Northstar.Core.Model.Loading;
using Northstar.Server.Startup;

namespace Northstar.Server.Queries;

/// <summary>
/// Loads the semantic model in the host's "starting" phase, before the server listens: an invalid model stops the start
/// with every problem logged on its own line (file:line member: message) and listed in the failure's message.
/// </summary>
internal sealed partial class LoadSemanticModelOnStartup(IServiceProvider services, ILogger<LoadSemanticModelOnStartup> logger)
    : StartingPhaseStep
{
    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var loaded = services.GetRequiredService<LoadedModel>();
            LogLoaded(logger, loaded.Model.Subjects.Count, loaded.Model.Metrics.Count, loaded.Fingerprint);
            return Task.CompletedTask;
        }
        catch (ModelLoadException failed)
        {
            if (failed.InnerException is ModelValidationException invalid)
            {
                foreach (var error in invalid.Errors)
                    LogModelError(logger, error.ToString());
            }
            else
            {
                LogModelError(logger, failed.Message);
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic model loaded: {Subjects} subjects, {Metrics} metrics (fingerprint {Fingerprint})")]
    private static partial void LogLoaded(ILogger logger, int subjects, int metrics, string fingerprint);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Semantic model error: {Error}")]
    private static partial void LogModelError(ILogger logger, string error);
}
