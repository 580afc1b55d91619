using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Queries;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/model</c>: the semantic model's members, for the UI's pickers and for API clients.</summary>
internal static class ModelApi
{
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/model").WithTags("Model");
        api.MapGet("", GetModel)
            .WithName("GetModel")
            .WithSummary("The subjects, metrics, dimensions, time dimensions and segments a query can name")
            .WithDescription("Labels, types and formats of every member; no table or column names. docs/query-api.md explains the members.");
        return endpoints;
    }

    public static Ok<ModelResponse> GetModel(ModelResponse model) => TypedResults.Ok(model);
}
