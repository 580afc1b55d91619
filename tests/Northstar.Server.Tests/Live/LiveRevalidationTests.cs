using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using static Northstar.Server.Tests.Live.LiveAssert;

namespace Northstar.Server.Tests.Live;

/// <summary>
/// A change that announces no revocation (made straight in the account store, as the command line's verbs run in a
/// process of their own) still closes the connection at the next periodic check. The live layer's clock is moved by
/// hand to that check.
/// </summary>
public sealed class LiveRevalidationTests
{
    [Fact]
    public async Task A_role_changed_without_a_revocation_closes_the_connection_at_the_next_periodic_check()
    {
        using var folder = new TempFolder();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await LiveApp.StartAsync(NorthstarAppFactory.DuckDbSettings(folder.Path), clock);
        await app.AddBranchesAsync();
        var manager = await app.SignInAsync(Role.Manager, [LiveApp.BranchA]);
        var stillManager = await app.SignInAsync(Role.Manager, [LiveApp.BranchA]);
        var hub = await app.ConnectAsync(manager);
        var otherHub = await app.ConnectAsync(stillManager);
        await SubscribeAsync(hub, LiveApp.SalesSpec);
        await SubscribeAsync(otherHub, LiveApp.SalesSpec);

        await app.Factory.Services.GetRequiredService<AccountStore>().UpdateAsync(manager.Id, new UserChanges(Role: Role.Viewer), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        await hub.Closed.WaitAsync(Patience);
        await app.SendOrdersAsync(LiveApp.BranchA);
        var update = await NextUpdateAsync(otherHub);

        Assert.Equal(1m, Total(update.GetProperty("answer"), "orders"));
        Assert.Equal(1, app.Counters.Closed);
        Assert.False(otherHub.Closed.IsCompleted);
    }
}
