using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Queries;
using Northstar.Server.Accounts;
using Northstar.Server.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Apis;

/// <summary>
/// <c>POST /api/query</c>: one query spec answered (cached by data version); <c>POST /api/query/batch</c>: the queries of
/// a dashboard, answered as NDJSON lines as each finishes. docs/query-api.md documents both.
/// </summary>
internal static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        // Any signed-in caller; what each may see is the caller's scope, which the compiler injects into every statement.
        var api = endpoints.MapGroup("/api/query").WithTags("Query").RequireAuthorization(Policies.SignedIn);
        api.MapPost("", PostQueryAsync)
            .WithName("PostQuery")
            .WithSummary("Answer a query spec: metrics by dimensions and time, with filters, comparison and totals")
            .WithDescription(
                "The body is a query spec (docs/query-api.md). Answers are cached by the data version of each subject " +
                "they read, so an answer is never older than the data. 400 names the field at fault; 504 when the " +
                "query runs past the statement timeout. `explain=true` adds the SQL and its parameters (Super Admins only, " +
                "audited; 403 for anyone else). Only the rows of the caller's scope are read.")
            .Accepts<QuerySpec>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        api.MapPost("/batch", PostBatchAsync)
            .WithName("PostQueryBatch")
            .WithSummary("Answer the queries of a dashboard together, streamed as NDJSON lines as each finishes")
            .WithDescription(
                "Body: { queries: [{ id, spec }] }, at most 50. Each line is { id, answer } or { id, error } (problem " +
                "details); identical queries run once, distinct ones concurrently; one failing query fails only its line.")
            .Accepts<BatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public static async Task<Results<Ok<QueryResponse>, ProblemHttpResult>> PostQueryAsync(
        HttpContext http, QueryService service, IWarehouse warehouse, AuditLog audit, CancellationToken cancellationToken,
        bool explain = false)
    {
        var caller = Caller.From(http.User)!;
        // The SQL names tables and columns and shows every scope condition: for Super Admins, who see everything anyway.
        if (explain && caller.Role != Role.SuperAdmin)
            return ExplainForbidden();

        QuerySpec? spec;
        try
        {
            spec = await RequestJson.ReadAsync<QuerySpec>(http.Request, cancellationToken);
        }
        catch (JsonException malformed)
        {
            return Problem(QueryProblems.Malformed(malformed));
        }

        if (spec is null)
            return Problem(QueryProblems.Field("$", "The body must be a query spec (a JSON object)."));

        try
        {
            var result = await service.AnswerAsync(spec, caller.Scope, cancellationToken);
            if (explain)
            {
                await audit.WriteAsync(caller, AuditActions.QueryExplained, "query", null,
                    new { subjects = result.Query.Subjects, spec }, http, cancellationToken);
            }

            return TypedResults.Ok(QueryResponse.From(result, EngineNames.Of(warehouse.Engine), explain));
        }
        catch (QueryValidationException invalid)
        {
            return Problem(QueryProblems.Invalid(invalid));
        }
        catch (QueryTimeoutException timeout)
        {
            return Problem(QueryProblems.TimedOut(timeout));
        }
    }

    public static async Task<Results<NdjsonResult<BatchLine>, ProblemHttpResult>> PostBatchAsync(
        HttpRequest request, ClaimsPrincipal user, BatchRunner runner, CancellationToken cancellationToken)
    {
        BatchRequest? batch;
        try
        {
            batch = await RequestJson.ReadAsync<BatchRequest>(request, cancellationToken);
        }
        catch (JsonException malformed)
        {
            return Problem(QueryProblems.Malformed(malformed));
        }

        if (CheckBatch(batch) is { } refusal)
            return Problem(refusal);

        // One batch is one caller's: identical queries share an answer only within it, and only under its scope.
        return new NdjsonResult<BatchLine>(runner.RunAsync(batch!.Queries!, Caller.From(user)!.Scope, cancellationToken));
    }

    private static ProblemDetails? CheckBatch(BatchRequest? batch)
    {
        if (batch?.Queries is not { Count: > 0 } queries)
            return QueryProblems.Field("queries", "List at least one query: { \"queries\": [{ \"id\": \"...\", \"spec\": { ... } }] }.");
        if (queries.Count > BatchRunner.MaxQueries)
            return QueryProblems.Field("queries", $"A batch holds at most {BatchRunner.MaxQueries} queries; this one has {queries.Count}.");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(queries[i]?.Id))
                return QueryProblems.Field($"queries[{i}].id", "Each query needs an id, echoed on its answer line.");
            if (!ids.Add(queries[i].Id!))
                return QueryProblems.Field($"queries[{i}].id", $"The id \"{queries[i].Id}\" is used by an earlier query of the batch.");
        }

        return null;
    }

    private static ProblemHttpResult ExplainForbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden",
        detail: "Only Super Admins may see the SQL of a query (explain=true); ask without explain.",
        extensions: new Dictionary<string, object?> { ["field"] = "explain" });

    private static ProblemHttpResult Problem(ProblemDetails problem) => TypedResults.Problem(problem);
}
