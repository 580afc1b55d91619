using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/branches</c>: the branches the caller may see, for the UI's pickers.</summary>
internal static class BranchesApi
{
    public static IEndpointRouteBuilder MapBranchesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/branches", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Branches")
            .WithName("ListBranches")
            .WithSummary("The branches the caller may see (all, or a Manager's own), with name and city");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<Branch>>> ListAsync(
        ClaimsPrincipal user, BranchDirectory branches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await branches.VisibleToAsync(Caller.From(user)!, cancellationToken));
}
