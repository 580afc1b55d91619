using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Northstar.Testing;

/// <summary>
/// A client of a SignalR hub speaking the JSON hub protocol over an open WebSocket (our registry has no SignalR .NET
/// client): the handshake, invocations with their completions, the server's invocations (received in order, stamped
/// with the time of receipt), pings, and the server's close. Used by the tests and the benchmark.
/// </summary>
public sealed class SignalRJsonClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new(StringComparer.Ordinal);
    private readonly Channel<HubMessage> _messages = Channel.CreateUnbounded<HubMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _nextInvocation;
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;

    private SignalRJsonClient(WebSocket socket) => _socket = socket;

    /// <summary>What the server invoked on this client, in order of receipt.</summary>
    public ChannelReader<HubMessage> Messages => _messages.Reader;

    /// <summary>Completes when the connection ends: with the server's close error, or null for a clean or abrupt end.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Performs the handshake on <paramref name="socket"/> (connected to the hub's URL) and starts receiving.</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(WebSocket socket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var client = new SignalRJsonClient(socket);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken).ConfigureAwait(false);
        var handshake = await client.ReceiveRecordsAsync(cancellationToken).ConfigureAwait(false);
        if (handshake.Count == 0)
            throw new InvalidOperationException("The hub closed the connection during the handshake.");
        using (var response = JsonDocument.Parse(handshake[0]))
        {
            if (response.RootElement.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"The hub refused the handshake: {error.GetString()}");
        }

        foreach (var record in handshake.Skip(1))
            client.Dispatch(record);
        client._receiving = client.ReceiveLoopAsync();
        client._pinging = client.PingLoopAsync();
        return client;
    }

    /// <summary>Invokes <paramref name="target"/> and returns its result.</summary>
    /// <exception cref="HubInvocationException">The hub method failed; the message is the server's.</exception>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextInvocation).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }, JsonSerializerOptions.Web), cancellationToken)
            .ConfigureAwait(false);
        return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
            {
                // Gone already.
            }
        }

        try
        {
            await Task.WhenAll(_receiving, _pinging).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Ended by the close above.
        }

        _socket.Dispose();
        _sending.Dispose();
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        string? closeError = null;
        try
        {
            while (true)
            {
                var records = await ReceiveRecordsAsync(_stopping.Token).ConfigureAwait(false);
                if (records.Count == 0)
                    break;
                foreach (var record in records)
                {
                    if (Dispatch(record) is { } close)
                    {
                        closeError = close.Length == 0 ? null : close;
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended without a close message (an in-memory test socket is disposed when the server aborts).
        }
        finally
        {
            _messages.Writer.TryComplete();
            foreach (var pending in _pending.Values)
                pending.TrySetException(new HubInvocationException("The connection closed before the invocation completed."));
            _closed.TrySetResult(closeError);
        }
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false) && !_closed.Task.IsCompleted)
                await SendAsync("{\"type\":6}", _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }

    /// <summary>Handles one message; returns the close error ("" for none) when it is a close message, else null.</summary>
    private string? Dispatch(string record)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                _messages.Writer.TryWrite(new HubMessage(
                    root.GetProperty("target").GetString()!, [.. root.GetProperty("arguments").EnumerateArray().Select(argument => argument.Clone())], receivedAt));
                return null;
            case 3 when _pending.TryRemove(root.GetProperty("invocationId").GetString()!, out var completion):
                if (root.TryGetProperty("error", out var error))
                    completion.TrySetException(new HubInvocationException(error.GetString() ?? "The invocation failed."));
                else
                    completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                return null;
            case 7:
                return root.TryGetProperty("error", out var closeError) ? closeError.GetString() ?? "" : "";
            default:
                return null;
        }
    }

    private async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message + RecordSeparator);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The records of the next WebSocket message; none when the socket closed.</summary>
    private async Task<IReadOnlyList<string>> ReceiveRecordsAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var result = await _socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return [];
            buffer.Advance(result.Count);
            if (result.EndOfMessage)
                break;
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan).Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>An invocation of a client method by the hub.</summary>
/// <param name="Target">The method, e.g. <c>update</c>.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="ReceivedAt">When the message arrived (UTC).</param>
public sealed record HubMessage(string Target, IReadOnlyList<JsonElement> Arguments, DateTimeOffset ReceivedAt);

/// <summary>A hub method failed; the message is the server's.</summary>
public sealed class HubInvocationException(string message) : Exception(message);
