using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Northstar.Server.Apis;
using Northstar.Server.Queries;
using Northstar.Warehouse;

namespace Northstar.Server.Live;

/// <summary>
/// Subscribing and unsubscribing, for the hub and the event stream alike: the spec is validated and compiled under the
/// client's scope (so a subscription can never read more than a query could), the client joins the subscription's
/// group, and only then is the snapshot answered, so no change between the two is missed.
/// </summary>
internal sealed class LiveSubscriptions(
    LiveRegistry registry,
    ILiveBackplane backplane,
    QueryService queries,
    IWarehouse warehouse,
    IHubContext<LiveHub> hub,
    LiveClock clock,
    IOptions<LiveOptions> options)
{
    /// <summary>The interval of a subscription that names none: the refresh of a KPI that the seeds ask for.</summary>
    public const int DefaultIntervalSeconds = 60;

    /// <summary>Why <paramref name="seconds"/> is not an interval a subscription may have; null when it is.</summary>
    public static string? IntervalError(int seconds) =>
        seconds is < LiveOptions.MinIntervalSeconds or > LiveOptions.MaxIntervalSeconds
            ? $"The interval must be between {LiveOptions.MinIntervalSeconds} and {LiveOptions.MaxIntervalSeconds:N0} seconds (it is {seconds:N0})."
            : null;

    /// <summary>Subscribes <paramref name="client"/> (already registered) and answers the snapshot.</summary>
    /// <exception cref="LiveRefusedException">No spec, an interval out of range, too many subscriptions, or the client is gone.</exception>
    /// <exception cref="Core.Queries.QueryValidationException">The spec is invalid; errors name the field.</exception>
    /// <exception cref="Warehouse.Queries.QueryTimeoutException">The snapshot ran past the statement timeout.</exception>
    public async Task<LiveSubscribed> SubscribeAsync(LiveClient client, LiveSubscribeRequest request, CancellationToken cancellationToken)
    {
        if (request.Spec is not { } spec)
            throw new LiveRefusedException("spec", "Give the query spec to subscribe to, as POST /api/query takes it.");
        var seconds = request.IntervalSeconds ?? DefaultIntervalSeconds;
        if (IntervalError(seconds) is { } error)
            throw new LiveRefusedException("intervalSeconds", error);

        var started = Stopwatch.GetTimestamp();
        var scope = client.Caller.Scope;
        var query = queries.Compile(spec, scope);
        var interval = TimeSpan.FromSeconds(seconds);
        var key = LiveKey.Of(spec, scope, interval);
        if (client.Stream is null)
            await hub.Groups.AddToGroupAsync(client.Id, key, cancellationToken);
        if (registry.Subscribe(client.Id, new LiveTopic(key, spec, scope, interval), options.Value.MaxSubscriptionsPerConnection) is null)
            throw new LiveRefusedException("connection", "The connection is closed.");

        var computedAt = clock.Time.GetUtcNow();
        var result = await queries.AnswerAsync(query, started, cancellationToken);
        var answer = QueryResponse.From(result, EngineNames.Of(warehouse.Engine), explain: false);
        await backplane.RememberContentHashAsync(key, LiveKey.ContentHash(answer));
        return new LiveSubscribed(key, seconds, answer, computedAt);
    }

    /// <summary>Ends the client's subscription <paramref name="key"/>; nothing when it holds none.</summary>
    public async Task UnsubscribeAsync(LiveClient client, string key)
    {
        registry.Unsubscribe(client.Id, key);
        if (registry.Topic(key) is null)
            backplane.Forget(key);
        if (client.Stream is null)
            await hub.Groups.RemoveFromGroupAsync(client.Id, key);
    }

    /// <summary>Removes a client and its subscriptions; returns it, or null when it was gone already.</summary>
    public LiveClient? Remove(string clientId)
    {
        if (registry.RemoveClient(clientId) is not { } client)
            return null;
        foreach (var key in client.Keys.Where(key => registry.Topic(key) is null))
            backplane.Forget(key);
        return client;
    }
}
