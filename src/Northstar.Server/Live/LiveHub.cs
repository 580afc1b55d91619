using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Northstar.Core.Queries;
using Northstar.Server.Accounts;
using Northstar.Server.Queries;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Live;

/// <summary>
/// The live hub (<c>/hubs/live</c>, docs/live.md): a signed-in client subscribes query specs and receives
/// <c>update</c> messages when their answers change. Every subscription is asked under the caller's scope. A refused
/// subscription fails with a <see cref="HubException"/> whose message names the field (clients receive it after
/// SignalR's "HubException: ").
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class LiveHub(LiveSubscriptions subscriptions, LiveRegistry registry) : Hub
{
    public const string Path = "/hubs/live";

    public override Task OnConnectedAsync()
    {
        if (Caller.From(Context.User!) is not { } caller || Context.GetHttpContext() is not { } http || LiveCredential.Of(http) is not { } credential)
        {
            Context.Abort();
            return Task.CompletedTask;
        }

        var context = Context;
        registry.AddClient(new LiveClient(Context.ConnectionId, caller, credential, context.Abort));
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes <c>{ spec, intervalSeconds }</c>; returns the key and the answer now.</summary>
    public async Task<LiveSubscribed> Subscribe(JsonElement request)
    {
        var client = registry.Client(Context.ConnectionId) ?? throw new HubException("The connection is closed.");
        try
        {
            var parsed = request.Deserialize<LiveSubscribeRequest>(RequestJson.Options)
                         ?? throw new LiveRefusedException("$", "Give { \"spec\": { ... }, \"intervalSeconds\": n }.");
            return await subscriptions.SubscribeAsync(client, parsed, Context.ConnectionAborted);
        }
        catch (JsonException malformed)
        {
            var field = malformed.Path is { Length: > 2 } path ? path[2..] : "$";
            throw new HubException($"{field}: not a member of a subscription, or not of its type; give {{ \"spec\": {{ ... }}, \"intervalSeconds\": n }}.");
        }
        catch (LiveRefusedException refused)
        {
            throw new HubException($"{refused.Field}: {refused.Message}");
        }
        catch (QueryValidationException invalid)
        {
            throw new HubException(QueryProblems.Invalid(invalid).Detail);
        }
        catch (QueryTimeoutException timeout)
        {
            throw new HubException(QueryProblems.TimedOut(timeout).Detail);
        }
    }

    /// <summary>Ends a subscription of this connection.</summary>
    public async Task Unsubscribe(string key)
    {
        if (registry.Client(Context.ConnectionId) is { } client)
            await subscriptions.UnsubscribeAsync(client, key);
    }
}
