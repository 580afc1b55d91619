using Microsoft.Extensions.Options;
using Northstar.Server.Extensions;

namespace Northstar.Server.Cli;

/// <summary>
/// The services a verb that does not serve needs (options, logging, the warehouse, the semantic model for its rollups), from the same configuration
/// sources, environment and settings as <c>serve</c>, so every verb acts on the same warehouse. Logs below warnings
/// are dropped: the verb reports on the console itself. <c>hostArguments</c> are the tokens no option of the verb
/// claimed, i.e. host settings such as <c>--Northstar:Database:Engine=postgres</c>.
/// </summary>
internal static class CliHost
{
    public static WebApplication Build(IReadOnlyList<string> hostArguments, Action<WebApplicationBuilder>? addServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. hostArguments],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddNorthstarOptions();
        builder.AddStructuredLogging();
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.AddWarehouse();
        builder.AddSemanticModel();
        addServices?.Invoke(builder);
        var app = builder.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        return app;
    }
}

