using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Queries;
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
        var api = endpoints.MapGroup("/api/query").WithTags("Query");
        api.MapPost("", PostQueryAsync)
            .WithName("PostQuery")
            .WithSummary("Answer a query spec: metrics by dimensions and time, with filters, comparison and totals")
            .WithDescription(
                "The body is a query spec (docs/query-api.md). Answers are cached by the data version of each subject " +
                "they read, so an answer is never older than the data. 400 names the field at fault; 504 when the " +
                "query runs past the statement timeout. `explain=true` adds the SQL and its parameters.")
            .Accepts<QuerySpec>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        api.MapPost("/batch", PostBatchAsync)
            .WithName("PostQueryBatch")
            .WithSummary("Answer the queries of a dashboard together, streamed as NDJSON lines as each finishes")
            .WithDescription(
                "Body: { queries: [{ id, spec }] }, at most 50. Each line is { id, answer } or { id, error } (problem " +
                "details); identical queries run once, distinct ones concurrently; one failing query fails only its line.")
            .Accepts<BatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public static async Task<Results<Ok<QueryResponse>, ProblemHttpResult>> PostQueryAsync(
        HttpRequest request, QueryService service, IWarehouse warehouse, CancellationToken cancellationToken, bool explain = false)
    {
        QuerySpec? spec;
        try
        {
            spec = await RequestJson.ReadAsync<QuerySpec>(request, cancellationToken);
        }
        catch (JsonException malformed)
        {
            return Problem(QueryProblems.Malformed(malformed));
        }

        if (spec is null)
            return Problem(QueryProblems.Field("$", "The body must be a query spec (a JSON object)."));

        try
        {
            // Issue 5 supplies the caller's scope here, from the signed-in principal.
            var result = await service.AnswerAsync(spec, QueryScope.Unrestricted, cancellationToken);
            // Issue 5 restricts explain (SQL text) to Super Admins, here.
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
        HttpRequest request, BatchRunner runner, CancellationToken cancellationToken)
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

        // Issue 5 supplies the caller's scope here, from the signed-in principal.
        return new NdjsonResult<BatchLine>(runner.RunAsync(batch!.Queries!, QueryScope.Unrestricted, cancellationToken));
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

    private static ProblemHttpResult Problem(ProblemDetails problem) => TypedResults.Problem(problem);
}
