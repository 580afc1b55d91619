using System.Text.Json;
using Northstar.Testing;

namespace Northstar.Server.Tests.Live;

/// <summary>Reading what the hub sends, with a bound on how long a test waits for a push that should come.</summary>
internal static class LiveAssert
{
    /// <summary>Long enough for a loaded CI machine; a push that should come within a second never needs it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The next <c>update</c> pushed to <paramref name="client"/>.</summary>
    public static async Task<JsonElement> NextUpdateAsync(SignalRJsonClient client)
    {
        var message = await client.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("update", message.Target);
        return message.Arguments[0];
    }

    /// <summary>Subscribes <paramref name="spec"/> with <paramref name="intervalSeconds"/>; returns the result (key, answer).</summary>
    public static Task<JsonElement> SubscribeAsync(SignalRJsonClient client, object spec, int intervalSeconds = 1) =>
        client.InvokeAsync("Subscribe", [new { spec, intervalSeconds }]).WaitAsync(Patience);

    /// <summary>A metric of an answer's totals.</summary>
    public static decimal Total(JsonElement answer, string metric) => answer.GetProperty("totals").GetProperty(metric).GetDecimal();
}
