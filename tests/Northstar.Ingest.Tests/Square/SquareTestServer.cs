using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Northstar.Ingest.Tests.Square;

/// <summary>One request the test server received.</summary>
internal sealed record SquareCall(string Method, string Path, string? Authorization, string? SquareVersion, JsonElement Body)
{
    public string? Cursor => Body.TryGetProperty("cursor", out var cursor) ? cursor.GetString() : null;

    public string? StartAt =>
        Body.GetProperty("query").GetProperty("filter").TryGetProperty("date_time_filter", out var filter)
            ? filter.GetProperty("updated_at").GetProperty("start_at").GetString()
            : null;
}

/// <summary>What the test server answers: a status, a JSON body and optionally a Retry-After in seconds.</summary>
internal sealed record SquareReply(int Status, string Body = "{}", int? RetryAfterSeconds = null);

/// <summary>
/// A real HTTP server on a free loopback port that answers each request with what the test's handler returns, one
/// request at a time, and records every request.
/// </summary>
internal sealed class SquareTestServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<SquareCall, SquareReply> _handler;
    private readonly Task _loop;

    private SquareTestServer(HttpListener listener, Uri baseUrl, Func<SquareCall, SquareReply> handler)
    {
        _listener = listener;
        _handler = handler;
        BaseUrl = baseUrl;
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<SquareCall> Calls { get; } = new();

    public static SquareTestServer Start(Func<SquareCall, SquareReply> handler)
    {
        // HttpListener cannot bind port 0, so take a port the OS reports free and try again if another process wins it.
        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new SquareTestServer(listener, new Uri(prefix), handler);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var call = new SquareCall(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"],
                context.Request.Headers["Square-Version"],
                body.RootElement.Clone());
            Calls.Enqueue(call);
            var reply = _handler(call);
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            if (reply.RetryAfterSeconds is { } seconds)
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
