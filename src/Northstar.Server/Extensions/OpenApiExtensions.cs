namespace Northstar.Server.Extensions;

internal static class OpenApiExtensions
{
    /// <summary>The OpenAPI document at /openapi/v1.json, which the API page (/api-docs/) renders.</summary>
    public static WebApplicationBuilder AddNorthstarOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Northstar API";
            document.Info.Description =
                "Ingest events, ask questions of the semantic model and read the model itself. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// Maps the OpenAPI document, readable without signing in: it describes the API (no data), and the API page that
    /// renders it is public too.
    /// </summary>
    public static IEndpointConventionBuilder MapNorthstarOpenApi(this WebApplication app) => app.MapOpenApi().AllowAnonymous();
}
