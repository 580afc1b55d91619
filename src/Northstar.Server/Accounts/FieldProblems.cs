using Microsoft.AspNetCore.Http.HttpResults;

namespace Northstar.Server.Accounts;

/// <summary>Problem details that name the field at fault (<c>errors: { field: [sentence] }</c>), for any status.</summary>
internal static class FieldProblems
{
    public static ProblemHttpResult Of(int status, string title, string field, string message) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult Invalid(string field, string message) => Of(StatusCodes.Status400BadRequest, "Invalid request", field, message);

    public static ProblemHttpResult Forbidden(string field, string message) => Of(StatusCodes.Status403Forbidden, "Forbidden", field, message);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no {what} with this id.");
}
