using Northstar.Core.Queries;

namespace Northstar.Server.Queries;

/// <summary>The body of <c>POST /api/query/batch</c>: the queries of one dashboard, each with the caller's id for it.</summary>
public sealed record BatchRequest
{
    /// <summary>One to 50 queries.</summary>
    public IReadOnlyList<BatchQuery>? Queries { get; init; }
}

/// <summary>One query of a batch.</summary>
public sealed record BatchQuery
{
    /// <summary>The caller's id for the query (a tile id), unique in the batch; each answer line carries it.</summary>
    public string? Id { get; init; }

    /// <summary>The query spec, as for <c>POST /api/query</c>.</summary>
    public QuerySpec? Spec { get; init; }
}

/// <summary>One line of a batch's NDJSON answer: the id with either the answer or the problem.</summary>
/// <param name="Id">The query's id.</param>
/// <param name="Answer">The answer, when the query was answered.</param>
/// <param name="Error">The problem details, when it was not.</param>
public sealed record BatchLine(string Id, QueryResponse? Answer, Microsoft.AspNetCore.Mvc.ProblemDetails? Error);
