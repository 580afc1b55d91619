using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Queries;
using Northstar.Server.Accounts;
using Northstar.Server.Live;
using Northstar.Server.Queries;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Apis;

/// <summary>
/// Live updates: the SignalR hub at <c>/hubs/live</c>, and <c>GET /api/live/stream</c>, the same updates of one
/// subscription as server-sent events for clients without WebSockets. docs/live.md documents both.
/// </summary>
internal static class LiveApi
{
    // Updates waiting for a slow event-stream reader: each is a whole answer, so the oldest can go.
    private const int StreamBacklog = 16;

    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet("/api/live/stream", StreamAsync)
            .WithTags("Live")
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetLiveStream")
            .WithSummary("Follow one query's answer as server-sent events: a snapshot, then an update whenever it changes")
            .WithDescription(
                "spec: the query spec as JSON (as POST /api/query takes it); interval: at most one update per this many " +
                "seconds (1 to 3600, default 60). Events: `snapshot` then `update`, data { key, answer, computedAt }; a " +
                "comment every 15 s keeps the stream open. The stream ends when the caller's session is revoked.")
            .Produces<LiveUpdate>(StatusCodes.Status200OK, LiveEventStream.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public static async Task<Results<LiveEventStream, ProblemHttpResult>> StreamAsync(
        HttpContext http, LiveSubscriptions subscriptions, LiveRegistry registry, CancellationToken cancellationToken,
        string? spec = null, int? interval = null)
    {
        QuerySpec? parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(spec) ? null : JsonSerializer.Deserialize<QuerySpec>(spec, RequestJson.Options);
        }
        catch (JsonException malformed)
        {
            return Problem(QueryProblems.Field("spec", $"The spec is not a JSON query spec: {QueryProblems.Malformed(malformed).Detail}"));
        }

        if (parsed is null)
            return Problem(QueryProblems.Field("spec", "Give the query spec to follow as JSON, e.g. spec={\"metrics\":[\"revenue\"]}."));

        if (LiveSubscriptions.IntervalError(interval ?? LiveSubscriptions.DefaultIntervalSeconds) is { } intervalError)
            return Problem(QueryProblems.Field("interval", intervalError));

        // Closing a stream completes its channel, which ends the response.
        var client = new LiveClient(
            "stream:" + Guid.NewGuid().ToString("N"), Caller.From(http.User)!, LiveCredential.Of(http)!,
            () => { },
            Channel.CreateBounded<LiveUpdateMessage>(new BoundedChannelOptions(StreamBacklog)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            }));
        registry.AddClient(client);
        void End() => subscriptions.Remove(client.Id);

        var subscribed = false;
        try
        {
            var first = await subscriptions.SubscribeAsync(client, new LiveSubscribeRequest(parsed, interval), cancellationToken);
            subscribed = true;
            return new LiveEventStream(client, first, End);
        }
        catch (LiveRefusedException refused)
        {
            return Problem(QueryProblems.Field(refused.Field, refused.Message));
        }
        catch (QueryValidationException invalid)
        {
            return Problem(QueryProblems.Invalid(invalid));
        }
        catch (QueryTimeoutException timeout)
        {
            return Problem(QueryProblems.TimedOut(timeout));
        }
        finally
        {
            // The stream ends the client when it ends; a refused or failed subscription ends it here.
            if (!subscribed)
                End();
        }
    }

    private static ProblemHttpResult Problem(ProblemDetails problem) => TypedResults.Problem(problem);
}
