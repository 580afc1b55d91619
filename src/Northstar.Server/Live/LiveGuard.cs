using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Northstar.Server.Accounts;

namespace Northstar.Server.Live;

/// <summary>
/// Keeps live connections within what their credentials allow now: a revocation (published to every node) checks the
/// user's connections at once; every connection is checked again periodically and before an update is sent to it when
/// its last check is older than <see cref="LiveOptions.RevalidateSeconds"/>. A connection whose credential no longer
/// signs in, or signs in with another scope, is removed from its groups and closed: it receives nothing more.
/// </summary>
internal sealed partial class LiveGuard(
    LiveRegistry registry,
    ILiveBackplane backplane,
    CredentialRevocations revocations,
    CallerResolver callers,
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

    /// <summary>Checks again each of <paramref name="clients"/> whose last check is older than the period; true for those still allowed.</summary>
    public async Task<IReadOnlyList<LiveClient>> KeepValidAsync(IReadOnlyList<LiveClient> clients, CancellationToken cancellationToken)
    {
        var valid = new List<LiveClient>(clients.Count);
        foreach (var client in clients)
        {
            if (clock.Time.GetElapsedTime(client.ValidatedAt) < Period || await CheckAsync(client, cancellationToken))
                valid.Add(client);
        }

        return valid;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await KeepValidAsync(registry.Clients(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Announce(long userId) => _ = RunAsync(() => backplane.PublishRevocationAsync(userId));

    private void OnRevoked(long userId) => _ = RunAsync(async () =>
    {
        foreach (var client in registry.Clients().Where(client => client.Caller.UserId == userId))
            await CheckAsync(client, CancellationToken.None);
    });

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

    /// <summary>Checks one client's credential; closes it when it no longer holds. True when it still does.</summary>
    private async Task<bool> CheckAsync(LiveClient client, CancellationToken cancellationToken)
    {
        var now = await client.Credential.ResolveAsync(callers, cancellationToken);
        if (now is not null && now.Scope.Key == client.Caller.Scope.Key && now.Role == client.Caller.Role)
        {
            client.ValidatedAt = clock.Time.GetTimestamp();
            return true;
        }

        if (registry.RemoveClient(client.Id) is null)
            return false;
        foreach (var key in client.Keys)
        {
            if (client.Stream is null)
                await hub.Groups.RemoveFromGroupAsync(client.Id, key, CancellationToken.None);
            if (registry.Topic(key) is null)
                backplane.Forget(key);
        }

        client.Close();
        counters.ClosedOne();
        LogClosed(logger, client.Caller.UserId, client.Credential.ToString());
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a live connection of user {UserId}: its {Credential} no longer allows it")]
    private static partial void LogClosed(ILogger logger, long userId, string credential);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the credentials of live connections failed; they are checked again at the next period")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
