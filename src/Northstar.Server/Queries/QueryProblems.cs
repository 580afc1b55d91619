using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Queries;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Queries;

/// <summary>The problem details (RFC 9457) of the query API: field-named, in sentences, never SQL.</summary>
internal static class QueryProblems
{
    public static ProblemDetails Invalid(QueryValidationException invalid)
    {
        var first = invalid.Errors.Count > 0 ? invalid.Errors[0] : new QueryError("", "The query is invalid.");
        var more = invalid.Errors.Count > 1
            ? string.Create(CultureInfo.InvariantCulture, $" ({invalid.Errors.Count - 1} more in errors)")
            : "";
        return Problem(StatusCodes.Status400BadRequest, $"Invalid query: {first.Field}", $"{first.Field}: {first.Message}{more}", new()
        {
            ["field"] = first.Field,
            ["errors"] = invalid.Errors.Select(error => new FieldProblem(error.Field, error.Message)).ToList(),
        });
    }

    public static ProblemDetails Field(string field, string message) =>
        Problem(StatusCodes.Status400BadRequest, $"Invalid request: {field}", message, new()
        {
            ["field"] = field,
            ["errors"] = new[] { new FieldProblem(field, message) },
        });

    /// <summary>A body that is not JSON, or JSON of the wrong shape: the position, and the field when there is one.</summary>
    public static ProblemDetails Malformed(JsonException exception)
    {
        var position = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {(exception.BytePositionInLine ?? 0) + 1} of that line")
            : "";
        var field = exception.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var detail = field is null
            ? $"The body is not valid JSON{position}."
            : $"The body is not a valid query{position}: {field} has the wrong type or is not a known member.";
        var extensions = new Dictionary<string, object?>();
        if (field is not null)
            extensions["field"] = field;
        return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", detail, extensions);
    }

    public static ProblemDetails TimedOut(QueryTimeoutException timeout) =>
        Problem(StatusCodes.Status504GatewayTimeout, "Query timed out",
            $"{timeout.Message} Narrow the date range or the filters, or ask for fewer dimensions.");

    /// <summary>For a query of a batch that failed unexpectedly (the error is logged; the caller gets no details).</summary>
    public static ProblemDetails Failed() =>
        Problem(StatusCodes.Status500InternalServerError, "Query failed",
            "The query could not be answered because of an error on the server; it has been logged.");

    private static ProblemDetails Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
            problem.Extensions[key] = value;
        return problem;
    }
}

/// <summary>One field of a 400 problem's <c>errors</c>.</summary>
/// <param name="Field">The JSON path of the field in the spec (<c>filters[1].op</c>).</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record FieldProblem(string Field, string Message);
