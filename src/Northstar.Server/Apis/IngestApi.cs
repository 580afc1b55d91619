using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Northstar.Ingest;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Webhooks;
using Northstar.Server.Accounts;
using Northstar.Server.Ingest;

namespace Northstar.Server.Apis;

/// <summary>
/// <c>POST /api/ingest/{entity}</c>: signed webhook events, durable in bronze before the answer; and
/// <c>GET /api/ingest/quality</c>: the recent data-quality issues of processing. docs/ingest.md documents both.
/// </summary>
internal static class IngestApi
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int DefaultQualityLimit = 100;
    private const int MaxQualityLimit = 1000;

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/ingest").WithTags("Ingest");
        api.MapPost("/{entity}", PostEventsAsync)
            // The HMAC signature of a configured source is the request's authentication, checked by the handler.
            .AllowAnonymous()
            .WithName("PostIngestEvents")
            .WithSummary("Accept one event or an array of events of an entity, signed by a configured source")
            .WithDescription(
                "Headers X-Northstar-Source, X-Northstar-Timestamp and X-Northstar-Signature (HMAC-SHA256 of " +
                "\"<timestamp>.<raw body>\") are required; Idempotency-Key is optional for a single event. Events are " +
                "durable in bronze before the answer and processed into silver and gold right after. 200 when no " +
                "event is invalid, 207 with per-event results when some are, 400 when all are.")
            .Accepts<JsonElement>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status207MultiStatus)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/quality", GetQualityAsync)
            .RequireAuthorization(Policies.SuperAdmin)
            .WithName("GetIngestQuality")
            .WithSummary("The most recent data-quality issues: events that could not be applied, and why")
            .WithDescription("Newest first; `limit` is 1 to 1000 (100 by default). Super Admins only: issues quote source data.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    public static async Task<Results<Ok<IngestResponse>, JsonHttpResult<IngestResponse>, ProblemHttpResult>> PostEventsAsync(
        string entity,
        HttpRequest request,
        IngestPipeline pipeline,
        WebhookVerifier verifier,
        ProcessingSignal signal,
        IOptions<IngestOptions> options,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = await RequestBody.ReadAsync(request, limits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
                $"The body is larger than the limit of {limits.MaxBodyBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; " +
                "send the events in smaller batches.");
        }

        var headers = request.Headers;
        if (!verifier.TryVerify(headers[WebhookSignature.SourceHeader], headers[WebhookSignature.TimestampHeader],
                headers[WebhookSignature.SignatureHeader], body, out var source))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                "The request's signature is invalid or expired. See docs/ingest.md for how to sign a request.");
        }

        if (!EntityNames.TryParse(entity, out var kind))
        {
            return Problem(StatusCodes.Status404NotFound, "Not Found",
                $"There is no entity \"{entity}\". Entities: {string.Join(", ", EntityNames.All)}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON: the error is at line {exception.LineNumber + 1}, byte " +
                $"{exception.BytePositionInLine + 1} of that line.");
        }

        using (document)
        {
            // A key of the caller's choosing is scoped to the source and entity, so two sources cannot collide.
            var idempotencyKey = headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } header
                ? $"{source}:{EntityNames.Of(kind)}:key:{header}"
                : null;
            var events = ReadEvents(document.RootElement, limits.MaxEventsPerRequest, idempotencyKey, out var refusal);
            if (events is null)
                return refusal!;

            var outcomes = await pipeline.AcceptAsync(source, kind, events, cancellationToken);
            var response = Summarize(EntityNames.Of(kind), outcomes);
            if (response.Accepted > 0)
                signal.Raise();
            if (response.Invalid == 0)
                return TypedResults.Ok(response);
            if (response.Invalid < response.Results.Count)
                return TypedResults.Json(response, statusCode: StatusCodes.Status207MultiStatus);
            return AllInvalid(response);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<QualityIssue>>, ProblemHttpResult>> GetQualityAsync(
        IngestPipeline pipeline, CancellationToken cancellationToken, int limit = DefaultQualityLimit)
    {
        if (limit is < 1 or > MaxQualityLimit)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid limit",
                $"limit must be between 1 and {MaxQualityLimit}.", new() { ["field"] = "limit" });
        }

        return TypedResults.Ok(await pipeline.QualityAsync(limit, cancellationToken));
    }

    /// <summary>The events of the body, or null with the problem that refuses the request.</summary>
    private static List<IncomingEvent>? ReadEvents(
        JsonElement root, int maxEvents, string? key, out ProblemHttpResult? refusal)
    {
        refusal = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return [new IncomingEvent(root, key)];
            case JsonValueKind.Array when key is not null:
                refusal = Problem(StatusCodes.Status400BadRequest, "Idempotency-Key on a batch",
                    "Idempotency-Key applies to a single event; in an array each event's id and updated_at are its key.",
                    new() { ["field"] = IdempotencyKeyHeader });
                return null;
            case JsonValueKind.Array when root.GetArrayLength() == 0:
                refusal = Problem(StatusCodes.Status400BadRequest, "No events", "The array holds no events.");
                return null;
            case JsonValueKind.Array when root.GetArrayLength() > maxEvents:
                refusal = Problem(StatusCodes.Status413PayloadTooLarge, "Too many events",
                    $"The array holds {root.GetArrayLength()} events; the limit is {maxEvents} per request.");
                return null;
            case JsonValueKind.Array:
                return [.. root.EnumerateArray().Select(element => new IncomingEvent(element))];
            default:
                refusal = Problem(StatusCodes.Status400BadRequest, "Not an event",
                    "The body must be one event (a JSON object) or an array of events.");
                return null;
        }
    }

    private static IngestResponse Summarize(string entity, IReadOnlyList<EventOutcome> outcomes)
    {
        var results = outcomes
            .OrderBy(outcome => outcome.Index)
            .Select(outcome => new IngestEventResult(outcome.Index, outcome.Id, StatusName(outcome.Status), outcome.Errors))
            .ToList();
        return new IngestResponse(
            entity,
            outcomes.Count(outcome => outcome.Status == EventStatus.Accepted),
            outcomes.Count(outcome => outcome.Status == EventStatus.Duplicate),
            outcomes.Count(outcome => outcome.Status == EventStatus.Invalid),
            results);
    }

    private static ProblemHttpResult AllInvalid(IngestResponse response)
    {
        var errors = response.Results
            .SelectMany(result => result.Errors.Select(error =>
                new IngestFieldProblem(result.Index, result.Id, error.Field, error.Message)))
            .ToList();
        var first = errors.FirstOrDefault();
        var detail = response.Results.Count == 1 && first is not null
            ? $"The {response.Entity} event is invalid: {first.Field}: {first.Message}"
            : $"All {response.Results.Count} {response.Entity} events are invalid; nothing was written. See errors.";
        return Problem(StatusCodes.Status400BadRequest, "Invalid events", detail,
            new() { ["entity"] = response.Entity, ["errors"] = errors });
    }

    private static string StatusName(EventStatus status) => status switch
    {
        EventStatus.Accepted => "accepted",
        EventStatus.Duplicate => "duplicate",
        _ => "invalid",
    };

    private static ProblemHttpResult Problem(
        int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
}
