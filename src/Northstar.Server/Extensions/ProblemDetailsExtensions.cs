namespace Northstar.Server.Extensions;

internal static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answer is RFC 9457 problem details: unhandled exceptions (a 500 that never carries the
    /// exception's text or stack) and bodiless error statuses alike, each with the request's trace id.
    /// </summary>
    public static IHostApplicationBuilder AddProblemDetailsEverywhere(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        return builder;
    }

    /// <summary>Puts the exception handler and status-code pages first in the pipeline, so they cover everything after.</summary>
    public static WebApplication UseProblemDetailsEverywhere(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
