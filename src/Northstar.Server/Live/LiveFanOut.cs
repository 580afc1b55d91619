using Microsoft.AspNetCore.SignalR;

namespace Northstar.Server.Live;

/// <summary>
/// Forwards each published update to this node's clients of its subscription: one group send to the hub connections
/// (serialized once), and a write to each event stream. An update older than one already forwarded is dropped. Clients
/// whose credentials were revoked are out of the groups already (<see cref="LiveGuard"/>).
/// </summary>
internal sealed partial class LiveFanOut(
    LiveRegistry registry,
    ILiveBackplane backplane,
    IHubContext<LiveHub> hub,
    ILogger<LiveFanOut> logger) : IHostedService
{
    /// <summary>The hub's client method that receives updates.</summary>
    public const string UpdateMethod = "update";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        backplane.UpdateReceived += OnUpdate;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        backplane.UpdateReceived -= OnUpdate;
        return Task.CompletedTask;
    }

    private void OnUpdate(LiveUpdateMessage update) => _ = ForwardAsync(update);

    private async Task ForwardAsync(LiveUpdateMessage update)
    {
        try
        {
            if (registry.Topic(update.Key) is not { } topic)
                return;
            lock (topic.Gate)
            {
                if (update.ComputedAt <= topic.NewestUpdate)
                    return;
                topic.NewestUpdate = update.ComputedAt;
            }

            var clients = registry.ClientsOf(update.Key);
            if (clients.Count == 0)
                return;
            if (clients.Any(client => client.Stream is null))
                await hub.Clients.Group(update.Key).SendAsync(UpdateMethod, update.Payload());
            foreach (var client in clients)
                client.Stream?.Writer.TryWrite(update);
        }
        catch (Exception e)
        {
            LogForwardFailed(logger, update.Key, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding a live update of {Key} to this node's clients failed")]
    private static partial void LogForwardFailed(ILogger logger, string key, Exception exception);
}
