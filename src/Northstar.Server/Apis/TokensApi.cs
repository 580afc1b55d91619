using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;

namespace Northstar.Server.Apis;

/// <summary>
/// API tokens for integrations: <c>GET/POST /api/tokens</c>, <c>DELETE /api/tokens/{id}</c>. A token has a role and
/// branches never wider than its creator's; the token is shown once and stored only as its SHA-256.
/// </summary>
internal static class TokensApi
{
    public const int MaxNameLength = 100;
    public const int MaxExpiresInDays = 3650;

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(Policies.ManageUsers);
        api.MapGet("/", ListAsync)
            .WithName("ListApiTokens")
            .WithSummary("Your API tokens (a Super Admin with all=true: everyone's)");
        api.MapPost("/", CreateAsync)
            .WithName("CreateApiToken")
            .WithSummary("Create an API token; the token is in the answer, this once")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/{id:long}", RevokeAsync)
            .WithName("RevokeApiToken")
            .WithSummary("Revoke an API token (your own; a Super Admin: any)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<ApiTokenResponse>>> ListAsync(
        ClaimsPrincipal user, ApiTokenStore tokens, CancellationToken cancellationToken, bool all = false)
    {
        var caller = Caller.From(user)!;
        var owner = all && caller.Role == Role.SuperAdmin ? (long?)null : caller.UserId;
        return TypedResults.Ok<IReadOnlyList<ApiTokenResponse>>(
            [.. (await tokens.ListAsync(owner, cancellationToken)).Select(ApiTokenResponse.Of)]);
    }

    public static async Task<Results<Created<CreatedTokenResponse>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, HttpContext http, ApiTokenStore tokens, AuditLog audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            return FieldProblems.Invalid("name", $"A name of 1 to {MaxNameLength} characters is required.");
        var role = caller.Role;
        if (request.Role is not null && !RoleNames.TryParse(request.Role, out role))
            return FieldProblems.Invalid("role", UserRequests.RoleProblem);
        if (UserRequests.BranchesProblem(request.Branches) is { } branchProblem)
            return FieldProblems.Invalid("branches", branchProblem);
        if (request.ExpiresInDays is < 1 or > MaxExpiresInDays)
            return FieldProblems.Invalid("expiresInDays", $"expiresInDays must be between 1 and {MaxExpiresInDays} (or absent: no expiry).");
        var branches = request.Branches is null ? caller.Branches : UserRequests.Normalize(request.Branches);
        if (!AccountRules.MayGrant(caller, role))
            return FieldProblems.Forbidden("role", $"A token cannot have the role {role.Name()}: it would be wider than yours.");
        if (!AccountRules.MayGrantBranches(caller, branches))
            return FieldProblems.Forbidden("branches", "A token's branches must be some of yours.");

        var expiresAt = request.ExpiresInDays is { } days ? time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var (token, record) = await tokens.CreateAsync(caller.UserId, name, role, branches, expiresAt, cancellationToken);
        await audit.WriteAsync(caller, AuditActions.TokenCreated, "api_token", Id(record.Id),
            new { name, prefix = record.Prefix, role = role.Name(), branches, expiresAt }, http, cancellationToken);
        return TypedResults.Created($"/api/tokens/{Id(record.Id)}", new CreatedTokenResponse(token, ApiTokenResponse.Of(record)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        long id, HttpContext http, ApiTokenStore tokens, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        if (await tokens.FindByIdAsync(id, cancellationToken) is not { } token
            || (token.UserId != caller.UserId && caller.Role != Role.SuperAdmin))
        {
            return FieldProblems.NotFound("API token");
        }

        if (token.RevokedAt is null)
        {
            await tokens.RevokeAsync(token.UserId, id, cancellationToken);
            await audit.WriteAsync(caller, AuditActions.TokenRevoked, "api_token", Id(id),
                new { name = token.Name, prefix = token.Prefix, ownerEmail = token.OwnerEmail }, http, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
