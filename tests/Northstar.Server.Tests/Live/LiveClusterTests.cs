using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using static Northstar.Server.Tests.Live.LiveAssert;

namespace Northstar.Server.Tests.Live;

/// <summary>Two server nodes sharing one PostgreSQL database and Redis (<c>NORTHSTAR_TEST_PG</c>, <c>NORTHSTAR_TEST_REDIS</c>).</summary>
public sealed class LiveClusterTests
{
    [RedisFact]
    public async Task An_event_ingested_on_one_node_reaches_clients_of_both_and_is_computed_once_for_the_cluster()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var node1 = await LiveApp.StartAsync(Settings(database));
        await node1.AddBranchesAsync();
        await using var node2 = await LiveApp.StartAsync(Settings(database));
        // One database: the session made on node 1 signs in on node 2 too, as behind a load balancer.
        var admin = await node1.SignInAsync(Role.SuperAdmin);
        var hub1 = await node1.ConnectAsync(admin);
        var hub2 = await node2.ConnectAsync(admin);
        var key1 = (await SubscribeAsync(hub1, LiveApp.SalesSpec)).GetProperty("key").GetString();
        var key2 = (await SubscribeAsync(hub2, LiveApp.SalesSpec)).GetProperty("key").GetString();

        await node1.SendOrdersAsync(LiveApp.BranchA, count: 2);
        var onNode2 = await NextUpdateAsync(hub2);
        var onNode1 = await NextUpdateAsync(hub1);
        var fresh = await node2.QueryAsync(admin, LiveApp.SalesSpec);

        Assert.Equal(key1, key2);
        Assert.Equal(2m, Total(onNode2.GetProperty("answer"), "orders"));
        Assert.Equal(Total(fresh, "revenue"), Total(onNode2.GetProperty("answer"), "revenue"));
        Assert.Equal(onNode1.GetProperty("computedAt").GetString(), onNode2.GetProperty("computedAt").GetString());
        Assert.Equal(1, node1.Counters.Computations + node2.Counters.Computations);
    }

    [RedisFact]
    public async Task A_role_revoked_on_one_node_closes_the_users_connection_on_the_other()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var node1 = await LiveApp.StartAsync(Settings(database));
        await node1.AddBranchesAsync();
        await using var node2 = await LiveApp.StartAsync(Settings(database));
        var admin = await node1.SignInAsync(Role.SuperAdmin);
        var manager = await node1.SignInAsync(Role.Manager, [LiveApp.BranchA]);
        var managerHub = await node2.ConnectAsync(manager);
        await SubscribeAsync(managerHub, LiveApp.SalesSpec);

        using var adminHttp = node1.HttpClient(admin);
        var changed = await adminHttp.PatchAsync($"/api/users/{manager.Id}", System.Net.Http.Json.JsonContent.Create(new { role = "viewer" }));
        changed.EnsureSuccessStatusCode();
        await managerHub.Closed.WaitAsync(Patience);

        Assert.Equal(1, node2.Counters.Closed);
    }

    private static Dictionary<string, string?> Settings(PostgresTestDatabase database)
    {
        var settings = NorthstarAppFactory.PostgresSettings(database.ConnectionString);
        settings["Northstar:Redis"] = TestServices.Redis;
        return settings;
    }
}
