using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Northstar.Server.Accounts;

namespace Northstar.Server.Live;

/// <summary>
/// Keeps live connections within what their credentials allow now: a revocation (published to every node) checks the
/// user's connections at once, before any further update reaches them; every connection is checked again every
/// <see cref="LiveOptions.RevalidateSeconds"/> (which catches changes made where no revocation is announced, such as
/// the command line). A connection whose credential no longer signs in, or signs in with another role or scope, is
/// removed from its groups and closed: it receives nothing more. Connections sharing a credential (tabs of one browser,
/// an integration's many sockets) cost one check. Checks run beside the updates, never in their way.
/// </summary>
internal sealed partial class LiveGuard(
    LiveRegistry registry,
    ILiveBackplane backplane,
    CredentialRevocations revocations,
    CallerResolver callers,
    LiveSubscriptions subscriptions,
    IHubContext<LiveHub> hub,
    LiveClock clock,
    LiveCounters counters,
    IOptions<LiveOptions> options,
    ILogger<LiveGuard> logger) : BackgroundService
{
    private TimeSpan Period => TimeSpan.FromSeconds(options.Value.RevalidateSeconds);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        revocations.Revoked += Announce;
        backplane.RevocationReceived += OnRevoked;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        revocations.Revoked -= Announce;
        backplane.RevocationReceived -= OnRevoked;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckAsync(registry.Clients(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Announce(long userId) => _ = RunAsync(() => backplane.PublishRevocationAsync(userId));

    private void OnRevoked(long userId) =>
        _ = RunAsync(() => CheckAsync([.. registry.Clients().Where(client => client.Caller.UserId == userId)], CancellationToken.None));

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e)
        {
            LogCheckFailed(logger, e);
        }
    }

    /// <summary>Checks the credentials of <paramref name="clients"/>, each credential once; closes the clients whose no longer hold.</summary>
    private async Task CheckAsync(IReadOnlyList<LiveClient> clients, CancellationToken cancellationToken)
    {
        foreach (var sharing in clients.GroupBy(client => client.Credential))
        {
            var now = await sharing.Key.ResolveAsync(callers, cancellationToken);
            foreach (var client in sharing)
            {
                if (now is null || now.Scope.Key != client.Caller.Scope.Key || now.Role != client.Caller.Role)
                    await CloseAsync(client);
            }
        }
    }

    private async Task CloseAsync(LiveClient client)
    {
        if (subscriptions.Remove(client.Id) is null)
            return;
        // Out of its groups before it is aborted: no update sent meanwhile reaches it.
        if (client.Stream is null)
        {
            foreach (var key in client.Keys)
                await hub.Groups.RemoveFromGroupAsync(client.Id, key, CancellationToken.None);
        }

        client.Close();
        counters.ClosedOne();
        LogClosed(logger, client.Caller.UserId, client.Credential.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a live connection of user {UserId}: its {Credential} no longer allows it")]
    private static partial void LogClosed(ILogger logger, long userId, string credential);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the credentials of live connections failed; they are checked again at the next period")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
