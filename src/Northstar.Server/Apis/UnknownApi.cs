using Microsoft.AspNetCore.Http.HttpResults;

namespace Northstar.Server.Apis;

/// <summary>
/// A path under /api/ that no endpoint handles is a 404 problem, never the UI's index.html (the UI's fallback takes
/// every other unknown path).
/// </summary>
internal static class UnknownApi
{
    public static IEndpointRouteBuilder MapUnknownApiAsNotFound(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous: that no endpoint answers a path says nothing the OpenAPI document does not.
        endpoints.MapFallback("/api/{**path}", NotFound).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static ProblemHttpResult NotFound(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not Found",
        detail: $"No API endpoint answers {request.Method} {request.Path}.");
}
