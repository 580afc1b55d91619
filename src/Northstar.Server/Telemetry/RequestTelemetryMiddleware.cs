using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Northstar.Server.Telemetry;

/// <summary>
/// Records every <c>/api/</c> and <c>/hubs/</c> request into the <see cref="RequestLog"/>: method, the matched endpoint's
/// route pattern (<c>/api/dashboards/{id}</c>, never the raw path or query string; <c>(unmatched)</c> when no endpoint
/// matched), the final status and the time taken. Static files of the UI are not recorded, nor live transport
/// connections (WebSockets, event streams, the hub's long-lived GETs): those are connections, which
/// <see cref="LiveConnectionGauge"/> counts, not requests whose latency means anything. Recording never blocks or fails
/// a request.
/// </summary>
internal sealed class RequestTelemetryMiddleware(RequestDelegate next, RequestLog log, TimeProvider time)
{
    /// <summary>The route of a request no endpoint matched.</summary>
    public const string Unmatched = "(unmatched)";

    private static readonly string[] KnownMethods =
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Head, HttpMethods.Options];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isHub = path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
        if ((!isHub && !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch
        {
            // Nothing inside turned the exception into a response: the client gets a 500 unless the response had started.
            var status = context.Response.HasStarted ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
            Record(context, at, started, status);
            throw;
        }

        var streamed = context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true
                       || (isHub && HttpMethods.IsGet(context.Request.Method));
        if (!streamed)
            Record(context, at, started, context.Response.StatusCode);
    }

    private void Record(HttpContext context, DateTimeOffset at, long started, int status) =>
        log.TryAdd(new RequestRecord(
            at,
            Method(context.Request.Method),
            // The exception handler clears the endpoint to render its problem details; it keeps the one that threw.
            Route(context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint),
            (short)Math.Clamp(status, 100, 599),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds));

    // A group's own route ends in a slash (/api/query/ for MapGroup("/api/query").MapPost("")); the request had none.
    private static string Route(Endpoint? endpoint) => endpoint is RouteEndpoint { RoutePattern.RawText: { Length: > 0 } pattern }
        ? pattern.Length > 1 && pattern.EndsWith('/') ? pattern.TrimEnd('/') : pattern
        : Unmatched;

    // Any other method a client invents is one bucket, so a client cannot fill the table with values of its choosing.
    private static string Method(string method) =>
        Array.Find(KnownMethods, known => HttpMethods.Equals(known, method)) ?? "OTHER";
}
