using Northstar.Server.Accounts;

namespace Northstar.Server.Startup;

/// <summary>
/// Creates the first Super Admin in the host's "starting" phase, after the migrations (registered after them), before
/// the server listens. Its password, when generated, goes to the console, not to the logs.
/// </summary>
internal sealed class CreateInitialAdminOnStartup(InitialAdmin initialAdmin) : StartingPhaseStep
{
    public override Task StartingAsync(CancellationToken cancellationToken) =>
        initialAdmin.EnsureAsync(Console.Out, cancellationToken);
}
