using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using static Northstar.Server.Tests.Live.LiveAssert;

namespace Northstar.Server.Tests.Live;

/// <summary>
/// Bursts of changes are coalesced: a subscription is recomputed at most once per interval. The live layer's clock
/// stands still while the events arrive (so they all fall within one interval, however slow the machine) and the test
/// moves it on.
/// </summary>
public sealed class LiveCoalescingTests
{
    [Fact]
    public async Task A_thousand_events_within_one_interval_make_at_most_two_pushes_and_the_last_equals_a_fresh_query()
    {
        using var folder = new TempFolder();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await LiveApp.StartAsync(NorthstarAppFactory.DuckDbSettings(folder.Path), clock);
        await app.AddBranchesAsync();
        var admin = await app.SignInAsync(Role.SuperAdmin);
        var hub = await app.ConnectAsync(admin);
        await SubscribeAsync(hub, LiveApp.SalesSpec, intervalSeconds: 1);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.SendOrdersAsync(LiveApp.BranchA, count: 100)));
        await app.ProcessAsync();
        var first = await NextUpdateAsync(hub);
        clock.Advance(TimeSpan.FromSeconds(1));
        var pushes = new List<decimal> { Total(first.GetProperty("answer"), "orders") };
        while (pushes[^1] < 1000)
            pushes.Add(Total((await NextUpdateAsync(hub)).GetProperty("answer"), "orders"));
        var fresh = await app.QueryAsync(admin, LiveApp.SalesSpec);

        Assert.True(pushes.Count <= 2, $"Pushes of the order count: {string.Join(", ", pushes)}");
        Assert.Equal(1000m, Total(fresh, "orders"));
        Assert.Equal(Total(fresh, "revenue"), 10m * pushes[^1]);
        Assert.False(hub.Messages.TryRead(out _), "A push came after the final value.");
    }
}
