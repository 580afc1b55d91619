using System.CommandLine;

namespace Northstar.Server.Cli;

/// <summary>
/// The <c>northstar</c> command line. A verb is one file in Cli/ with a <c>Create</c> method, added to the list
/// below. With no verb the server runs. Each verb passes the arguments it does not know to the host's configuration.
/// </summary>
internal static class NorthstarCommandLine
{
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> buildWebApp)
    {
        var root = new RootCommand("Northstar: self-hosted business intelligence.")
        {
            ServeCommand.Create(buildWebApp),
            MigrateCommand.Create(),
            DemoCommand.Create(buildWebApp),
            ImportCommand.Create(),
            SyncCommand.Create(),
            UsersCommand.Create(),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parseResult, _) => ServeCommand.RunAsync(buildWebApp, parseResult));

        var invocation = new InvocationConfiguration
        {
            // The host handles Ctrl+C and SIGTERM itself (graceful shutdown): the command line must not race it
            // with a forced exit after a timeout.
            ProcessTerminationTimeout = null,
            // Failures are reported below, as a sentence; the default handler would print the stack trace.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation);
        }
        catch (Exception exception) when (StartupFailure.OwnsTheConsole)
        {
            await invocation.Error.WriteLineAsync(StartupFailure.Describe(exception));
            return 1;
        }
    }
}
