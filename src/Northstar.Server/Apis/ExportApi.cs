using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Queries;
using Northstar.Server.Accounts;
using Northstar.Server.Exports;
using Northstar.Server.Queries;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Apis;

/// <summary>
/// <c>POST /api/export/csv</c>: the answer of a query spec as a CSV file, for callers with the export permission,
/// within their scope, protected against CSV injection, and audited. docs/exports.md documents it.
/// </summary>
internal static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/export").WithTags("Export").RequireAuthorization(Policies.Export);
        api.MapPost("/csv", PostCsvAsync)
            .WithName("PostCsvExport")
            .WithSummary("Export the answer of a query spec as a CSV file")
            .WithDescription(
                "Body: { spec, name }. The file (text/csv, an attachment named <name>-<from>-<to>.csv) has a header row of " +
                "column labels and the answer's rows; a text cell starting with = + - @, a tab or a carriage return gets a " +
                "leading ' so that spreadsheets do not run it; numbers stay numbers. Only the caller's scope is read. 400 " +
                "names the field at fault, also when the answer has more rows than an export may (Northstar:Export:MaxRows). " +
                "Super Admins and Managers only; every export is audited.")
            .Accepts<CsvExportRequest>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return endpoints;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostCsvAsync(
        HttpContext http, CsvExporter exporter, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        CsvExportRequest? request;
        try
        {
            request = await RequestJson.ReadAsync<CsvExportRequest>(http.Request, cancellationToken);
        }
        catch (JsonException malformed)
        {
            return Problem(QueryProblems.Malformed(malformed));
        }

        if (request?.Spec is not { } spec)
            return Problem(QueryProblems.Field("spec", "The body is { \"spec\": { ... a query spec ... }, \"name\": \"sales\" }."));

        CsvExport export;
        try
        {
            export = await exporter.ExportAsync(spec, caller.Scope, cancellationToken);
        }
        catch (QueryValidationException invalid)
        {
            // The spec is a member of the body: its fields are named from the body (spec.metrics[0]).
            return Problem(QueryProblems.Invalid(new QueryValidationException(
                [.. invalid.Errors.Select(error => error with { Field = error.Field.Length == 0 ? "spec" : $"spec.{error.Field}" })])));
        }
        catch (QueryTimeoutException timeout)
        {
            return Problem(QueryProblems.TimedOut(timeout));
        }

        if (export.Csv is null)
        {
            return Problem(QueryProblems.Field("spec",
                $"The export would have more than {exporter.MaxRows:N0} rows: narrow the range or filters, or ask for fewer dimensions."));
        }

        var fileName = CsvFileName.Of(request.Name, export.Query.Range);
        await audit.WriteAsync(caller, AuditActions.CsvExported, "export", fileName,
            new { name = request.Name, file = fileName, rows = export.Rows, subjects = export.Query.Subjects, spec }, http, cancellationToken);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Text(export.Csv, "text/csv", Encoding.UTF8);
    }

    private static ProblemHttpResult Problem(ProblemDetails problem) => TypedResults.Problem(problem);
}
