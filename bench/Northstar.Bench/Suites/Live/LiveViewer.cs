using System.Net.WebSockets;
using Northstar.Testing;

namespace Northstar.Bench.Suites.Live;

/// <summary>One update as a client received it: when, when the server started computing it, and the orders its answer counts.</summary>
internal readonly record struct Receipt(DateTimeOffset ReceivedAt, DateTimeOffset ComputedAt, long? Orders);

/// <summary>
/// One open dashboard: a WebSocket to the hub (authenticated with an API token), one subscription, and every
/// <c>update</c> it receives with its time of receipt (taken by <see cref="SignalRJsonClient"/> as the message arrives).
/// A connection that ends before the harness closes it is a dropped client.
/// </summary>
internal sealed class LiveViewer : IAsyncDisposable
{
    private readonly SignalRJsonClient _client;
    private readonly List<Receipt> _receipts = [];
    private readonly Task _reading;
    private DateTimeOffset? _droppedAt;
    private string? _dropReason;
    private volatile bool _closing;

    private LiveViewer(SignalRJsonClient client, LiveSubscription subscription, string key, long? initialOrders)
    {
        _client = client;
        Subscription = subscription;
        Key = key;
        InitialOrders = initialOrders;
        _reading = ReadAsync();
        _ = WatchAsync();
    }

    public LiveSubscription Subscription { get; }

    /// <summary>The server's key of the subscription.</summary>
    public string Key { get; }

    /// <summary>The orders the snapshot counted, before the feed started.</summary>
    public long? InitialOrders { get; }

    /// <summary>When the connection ended without the harness closing it; null while it is open.</summary>
    public DateTimeOffset? DroppedAt => _droppedAt;

    /// <summary>The server's close error, or how the connection ended, for a dropped client.</summary>
    public string? DropReason => _dropReason;

    /// <summary>Opens a connection to <paramref name="hub"/>, performs the handshake and subscribes.</summary>
    public static async Task<LiveViewer> OpenAsync(
        Uri hub, string token, LiveSubscription subscription, int intervalSeconds, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        SignalRJsonClient? client = null;
        try
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
            await socket.ConnectAsync(hub, cancellationToken);
            client = await SignalRJsonClient.ConnectAsync(socket, cancellationToken);
            var subscribed = await client.InvokeAsync("Subscribe", [new { spec = subscription.Spec, intervalSeconds }], cancellationToken);
            return new LiveViewer(
                client, subscription, subscribed.GetProperty("key").GetString()!, subscription.Orders(subscribed.GetProperty("answer")));
        }
        catch
        {
            if (client is not null)
                await client.DisposeAsync();
            else
                socket.Dispose();
            throw;
        }
    }

    /// <summary>The updates received so far, in order of receipt.</summary>
    public Receipt[] Receipts()
    {
        lock (_receipts)
            return [.. _receipts];
    }

    /// <summary>Waits until an update counting at least <paramref name="orders"/> orders has arrived; returns it.</summary>
    public async Task<Receipt> WaitForOrdersAsync(long orders, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            lock (_receipts)
            {
                if (_receipts.FindIndex(receipt => receipt.Orders >= orders) is var found and >= 0)
                    return _receipts[found];
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"No update of \"{Subscription.Name}\" counted {orders:N0} orders within {timeout.TotalSeconds:N0} s.");
            }

            // Polling the receipts: the wait is not what is measured, only what comes after it.
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _client.DisposeAsync();
        await _reading;
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _client.Messages.ReadAllAsync())
        {
            if (message.Target != "update")
                continue;
            var update = message.Arguments[0];
            if (update.GetProperty("key").GetString() != Key)
                throw new InvalidOperationException($"An update of another subscription reached a client of \"{Subscription.Name}\": {update}");
            var receipt = new Receipt(
                message.ReceivedAt, update.GetProperty("computedAt").GetDateTimeOffset(), Subscription.Orders(update.GetProperty("answer")));
            lock (_receipts)
                _receipts.Add(receipt);
        }
    }

    private async Task WatchAsync()
    {
        var error = await _client.Closed;
        if (_closing)
            return;
        _dropReason = error ?? "closed without an error";
        _droppedAt = DateTimeOffset.UtcNow;
    }
}
