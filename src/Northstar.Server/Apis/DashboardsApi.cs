using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;
using Northstar.Server.Dashboards;

namespace Northstar.Server.Apis;

/// <summary>
/// <c>GET /api/dashboards</c> and <c>GET /api/dashboards/{id}</c>: the dashboards defined as code in
/// <c>dashboards/*.yaml</c> (docs/dashboards.md), loaded and validated at start-up.
/// </summary>
internal static class DashboardsApi
{
    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/dashboards").WithTags("Dashboards").RequireAuthorization(Policies.SignedIn);
        api.MapGet("", ListDashboards)
            .WithName("ListDashboards")
            .WithSummary("The dashboards the caller can read a tile of: id, title, description and order, sorted by order")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/{id}", GetDashboard)
            .WithName("GetDashboard")
            .WithSummary("A dashboard with its tiles: each a query spec, a visualization, a grid position and an export spec")
            .WithDescription(
                "The UI fetches the tiles' answers with one POST /api/query/batch. Tiles reading data the caller's scope " +
                "cannot read are left out. 404 for an unknown id, and for a dashboard of which the caller can read no tile.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static Ok<IReadOnlyList<DashboardSummary>> ListDashboards(DashboardCatalog catalog, ClaimsPrincipal user) =>
        TypedResults.Ok(catalog.List(Caller.From(user)!.Scope));

    public static Results<Ok<DashboardResponse>, ProblemHttpResult> GetDashboard(string id, DashboardCatalog catalog, ClaimsPrincipal user) =>
        catalog.Find(id, Caller.From(user)!.Scope) is { } dashboard
            ? TypedResults.Ok(dashboard)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"There is no dashboard '{id}'.",
                extensions: new Dictionary<string, object?> { ["field"] = "id" });
}
