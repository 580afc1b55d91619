using System.CommandLine;
using Microsoft.Extensions.Options;

namespace Northstar.Server.Cli;

/// <summary><c>northstar serve [--urls http://0.0.0.0:8080] [--Key=value ...]</c>: runs the web server until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(Func<string[], WebApplication> buildWebApp)
    {
        var serve = new Command("serve", "Run the web server (the default when no verb is given). Accepts ASP.NET's options, e.g. --urls.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((parseResult, _) => RunAsync(buildWebApp, parseResult));
        return serve;
    }

    public static async Task<int> RunAsync(Func<string[], WebApplication> buildWebApp, ParseResult parseResult)
    {
        var app = buildWebApp([.. parseResult.UnmatchedTokens]);
        if (StartupFailure.OwnsTheConsole)
        {
            // Checked before the host starts, so a bad setting is reported once, as the sentence naming it, rather
            // than also as the host's start-up failure log. (In-process hosts such as WebApplicationFactory get
            // the same exception from the host's start.)
            try
            {
                app.Services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException)
            {
                await app.DisposeAsync();
                throw;
            }
        }

        // Disposes the app when it returns or throws.
        await app.RunAsync();
        return 0;
    }
}
