using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Northstar.Ingest;
using Northstar.Ingest.Files;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Accounts;
using Northstar.Server.Ingest;

namespace Northstar.Server.Apis;

/// <summary>
/// <c>POST /api/ingest/files/{entity}</c>: a CSV or JSON-lines file uploaded by a Super Admin, imported as the
/// <c>import</c> verb imports it (the same options, limits, checks, bulk path and processing). docs/ingest.md documents it.
/// </summary>
internal static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/ingest/files").WithTags("Ingest")
            // A file import writes data for every branch.
            .RequireAuthorization(Policies.SuperAdmin)
            .MapPost("/{entity}", UploadAsync)
            .WithName("UploadImportFile")
            .WithSummary("Import a CSV or JSON-lines file of an entity, as the import verb does")
            .WithDescription(
                "The body is the file (text/csv, application/x-ndjson or application/octet-stream), or a multipart/form-data " +
                "form with a \"file\" part. Query parameters as the import verb's options: map (repeatable, field=Column), " +
                "format (auto|csv|jsonl), delimiter, dateFormat, decimalSeparator (.|,), timeZone (IANA), onError (fail|skip), " +
                "fileName. The whole file is checked first: with onError=fail a bad row writes nothing (400 listing the bad " +
                "rows). Importing the same file again changes nothing.")
            // Documented rather than declared with Accepts, which would let routing turn other content types into a 404
            // instead of the handler's 415 naming the types it takes.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = FileRequestBody();
                return Task.CompletedTask;
            })
            .Produces<FileImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return endpoints;
    }

    public static async Task<Results<Ok<FileImportResponse>, ProblemHttpResult>> UploadAsync(
        string entity,
        HttpContext http,
        ClaimsPrincipal user,
        IngestPipeline pipeline,
        AuditLog audit,
        IOptions<FileUploadOptions> uploadOptions,
        CancellationToken cancellationToken,
        [FromQuery] string[]? map = null,
        string? format = null,
        string? delimiter = null,
        string? dateFormat = null,
        string? decimalSeparator = null,
        string? timeZone = null,
        string? onError = null,
        string? fileName = null)
    {
        if (!EntityNames.TryParse(entity, out var kind))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"There is no entity \"{entity}\". Entities: {string.Join(", ", EntityNames.All)}.");
        }

        var settings = uploadOptions.Value;
        FileImportOptions options;
        try
        {
            options = new FileImportArguments
            {
                Maps = map ?? [],
                Format = format,
                Delimiter = delimiter,
                DateFormat = dateFormat,
                DecimalSeparator = decimalSeparator,
                TimeZone = timeZone,
                OnError = onError,
            }.ToOptions(kind, settings.Limits);
        }
        catch (FileImportArgumentException exception)
        {
            return FieldProblems.Invalid(exception.Field, exception.Message);
        }

        var (file, refusal) = await UploadedFile.ReceiveAsync(http.Request, fileName, settings, cancellationToken);
        if (file is null)
            return refusal!;

        using (file)
        {
            FileImportOutcome outcome;
            try
            {
                outcome = await new FileImporter(pipeline).RunAsync(file.Path, options, observer: null, cancellationToken);
            }
            catch (FileImportException exception)
            {
                return FieldProblems.Invalid("file", exception.Message);
            }

            var result = outcome.Checked;
            var name = EntityNames.Of(kind);
            if (outcome.Accepted is not { } accepted || outcome.Processed is not { } processed)
                return BadRows(name, file.Name, result);

            var response = new FileImportResponse(
                name, file.Name, result.Rows, accepted.Accepted, accepted.Duplicates, result.BadRows,
                FileImportIssues.Of(result), result.IssueCount, result.IgnoredColumns, processed.TotalProcessed);
            await audit.WriteAsync(Caller.From(user), AuditActions.FileImported, "entity", name,
                new { entity = name, fileName = file.Name, rows = result.Rows, accepted = accepted.Accepted, skipped = result.BadRows },
                http, cancellationToken);
            return TypedResults.Ok(response);
        }
    }

    private static OpenApiRequestBody FileRequestBody()
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
            Required = new HashSet<string> { "file" },
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = "The file, as the body or as the \"file\" part of a form.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = file },
                ["application/x-ndjson"] = new() { Schema = file },
                ["application/octet-stream"] = new() { Schema = file },
                ["multipart/form-data"] = new() { Schema = form },
            },
        };
    }

    private static ProblemHttpResult BadRows(string entity, string fileName, FileImportResult result)
    {
        var badRows = result.BadRows == 1 ? "1 bad row" : $"{result.BadRows.ToString("N0", CultureInfo.InvariantCulture)} bad rows";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Bad rows",
            detail: $"{fileName} has {badRows}; nothing was imported (onError=skip imports the good rows). See issues.",
            extensions: new Dictionary<string, object?>
            {
                ["entity"] = entity,
                ["fileName"] = fileName,
                ["rows"] = result.Rows,
                ["badRows"] = result.BadRows,
                ["issues"] = FileImportIssues.Of(result),
                ["issueCount"] = result.IssueCount,
            });
    }
}
