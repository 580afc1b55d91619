using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Server.Accounts;
using Northstar.Server.Queries;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/model</c>: the semantic model's members, for the UI's pickers and for API clients.</summary>
internal static class ModelApi
{
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/model").WithTags("Model").RequireAuthorization(Policies.SignedIn);
        api.MapGet("", GetModel)
            .WithName("GetModel")
            .WithSummary("The subjects, metrics, dimensions, time dimensions and segments a query can name")
            .WithDescription(
                "Labels, types and formats of every member; no table or column names. docs/query-api.md explains the members. " +
                "Only the subjects the caller may query are listed (with their metrics and dimensions).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public static Ok<ModelResponse> GetModel(ModelResponse model, LoadedModel loaded, ClaimsPrincipal user)
    {
        var scope = Caller.From(user)!.Scope;
        return TypedResults.Ok(scope.IsUnrestricted ? model : Visible(model, loaded.Model, scope));
    }

    /// <summary>
    /// The members of the subjects <paramref name="scope"/> can query, so the UI never offers what the compiler refuses:
    /// the compiler's rule (fail closed), a subject needs the scope column of each restriction the caller has.
    /// </summary>
    private static ModelResponse Visible(ModelResponse model, SemanticModel semantic, QueryScope scope)
    {
        var visible = semantic.Subjects.Values
            .Where(subject => subject.Scope is not { Branch: null, Employee: null }
                              && (scope.Branches is null || subject.Scope.Branch is not null)
                              && (scope.EmployeeId is null || subject.Scope.Employee is not null))
            .Select(subject => subject.Name)
            .ToHashSet(StringComparer.Ordinal);
        return model with
        {
            Subjects = [.. model.Subjects.Where(subject => visible.Contains(subject.Name))],
            Metrics = [.. model.Metrics.Where(metric => metric.Subjects.All(visible.Contains))],
            Dimensions =
            [
                .. model.Dimensions
                    .Select(dimension => dimension with { Subjects = [.. dimension.Subjects.Where(visible.Contains)] })
                    .Where(dimension => dimension.Subjects.Count > 0),
            ],
        };
    }
}
