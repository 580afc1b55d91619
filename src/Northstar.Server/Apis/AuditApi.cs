using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/audit</c>: the audit log for Super Admins, newest first, a page at a time, with filters.</summary>
internal static class AuditApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.SuperAdmin);
        api.MapGet("/", ReadAsync)
            .WithName("ReadAudit")
            .WithSummary("Audit entries (logins, user and token changes, exports, admin actions), newest first")
            .WithDescription("Filters: action (e.g. login.failed), userId, from and to (ISO 8601, to exclusive). page from 1, pageSize 1 to 200.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ReadAsync(
        AuditLog audit,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = 50,
        string? action = null,
        long? userId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        if (page < 1)
            return FieldProblems.Invalid("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            return FieldProblems.Invalid("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        if (from is not null && to is not null && to <= from)
            return FieldProblems.Invalid("to", "to must be after from.");

        var (items, total) = await audit.ReadAsync(
            new AuditFilter(string.IsNullOrWhiteSpace(action) ? null : action.Trim(), userId, from, to), page, pageSize, cancellationToken);
        return TypedResults.Ok(new AuditPage(items, page, pageSize, total));
    }
}
