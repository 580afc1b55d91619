using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Northstar.Server.Live;

/// <summary>
/// Writes a subscription as server-sent events: the snapshot first, then each update, and a comment every 15 seconds
/// so that proxies keep the response open; ends when the client goes or the server closes the stream.
/// </summary>
internal sealed class LiveEventStream(LiveClient client, LiveSubscribed first, Action ended) : IResult
{
    public const string ContentType = "text/event-stream";

    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        try
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.Headers.CacheControl = "no-cache";
            // Reverse proxies (nginx) would otherwise hold the events back in their buffers.
            response.Headers["X-Accel-Buffering"] = "no";
            var snapshot = JsonSerializer.Serialize(new LiveUpdate(first.Key, first.Answer, first.ComputedAt), JsonSerializerOptions.Web);
            await WriteAsync(response, $"event: snapshot\ndata: {snapshot}\n\n", cancellationToken);
            await PumpAsync(response, client.Stream!.Reader, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            ended();
        }
    }

    private static async Task PumpAsync(HttpResponse response, ChannelReader<LiveUpdateMessage> updates, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(KeepAliveInterval);
            try
            {
                if (!await updates.WaitToReadAsync(wait.Token))
                    return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(response, ": keep-alive\n\n", cancellationToken);
                continue;
            }

            while (updates.TryRead(out var update))
                await WriteAsync(response, $"event: update\ndata: {update.Json}\n\n", cancellationToken);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
