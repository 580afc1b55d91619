using Northstar.Server.Apis;
using Northstar.Server.Cli;
using Northstar.Server.Extensions;
using Northstar.Server.Telemetry;

// The command line picks what runs: `serve` (also when no verb is given) or `migrate`, one file per verb in
// Cli/. Arguments that no verb claims (--urls, --environment, --Northstar:Database:Engine=postgres, ...) are
// passed on to the host's configuration.
return await NorthstarCommandLine.RunAsync(args, BuildWebApp);

// The web app that `serve` runs.
static WebApplication BuildWebApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        // appsettings.json and the UI (copied into the output by build/WebUi.targets) are found next to the
        // assemblies under `dotnet run`, in tests and when published, whatever the current directory; only the
        // DuckDB data folder (default `data/`) is relative to the current directory.
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    });

    builder.AddNorthstarOptions();
    builder.AddStructuredLogging();
    builder.AddProblemDetailsEverywhere();
    builder.AddSemanticModel();
    builder.AddWarehouse();
    builder.AddMigrationsOnStartup();
    builder.AddAccounts();
    builder.AddIngest();
    builder.AddSquareSync(scheduled: true);
    builder.AddQueries();
    builder.AddTelemetry();
    builder.AddDashboards();
    builder.AddExports();
    builder.AddLive();
    builder.AddNorthstarOpenApi();

    var app = builder.Build();

    // First: it records the final status of every API request, refusals and failures included.
    app.UseTelemetry();
    app.UseSecurityHeaders();
    app.UseProblemDetailsEverywhere();
    app.UseWebUi();
    app.UseAccounts();

    app.MapNorthstarOpenApi();
    app.MapHealthApi();
    app.MapInfoApi();
    app.MapIngestApi();
    app.MapImportApi();
    app.MapModelApi();
    app.MapQueryApi();
    app.MapDashboardsApi();
    app.MapExportApi();
    app.MapLiveApi();
    app.MapAuthApi();
    app.MapUsersApi();
    app.MapTokensApi();
    app.MapAuditApi();
    app.MapBranchesApi();
    app.MapUnknownApiAsNotFound();
    app.MapWebUiFallback();

    return app;
}
