using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using static Northstar.Server.Tests.Live.LiveAssert;

namespace Northstar.Server.Tests.Live;

/// <summary>The live hub on one node (embedded DuckDB): subscriptions, pushes on ingest, scope, and revocation.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private LiveApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LiveApp.StartAsync(NorthstarAppFactory.DuckDbSettings(_folder.Path));
        await _app.AddBranchesAsync();
        await _app.SendOrdersAsync(LiveApp.BranchA);
        await _app.ProcessAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_ingested_order_is_pushed_to_a_subscriber_with_the_totals_a_fresh_query_gives()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var hub = await _app.ConnectAsync(admin);

        var subscribed = await SubscribeAsync(hub, LiveApp.SalesSpec);
        var snapshotQuery = await _app.QueryAsync(admin, LiveApp.SalesSpec);
        await _app.SendOrdersAsync(LiveApp.BranchA, count: 3);
        var update = await NextUpdateAsync(hub);
        var freshQuery = await _app.QueryAsync(admin, LiveApp.SalesSpec);

        Assert.Equal(Total(snapshotQuery, "orders"), Total(subscribed.GetProperty("answer"), "orders"));
        Assert.Equal(1m, Total(subscribed.GetProperty("answer"), "orders"));
        Assert.Equal(subscribed.GetProperty("key").GetString(), update.GetProperty("key").GetString());
        Assert.Equal(4m, Total(update.GetProperty("answer"), "orders"));
        Assert.Equal(Total(freshQuery, "orders"), Total(update.GetProperty("answer"), "orders"));
        Assert.Equal(Total(freshQuery, "revenue"), Total(update.GetProperty("answer"), "revenue"));
    }

    [Fact]
    public async Task An_order_of_another_branch_reaches_the_super_admin_and_not_the_manager_of_one_branch()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var manager = await _app.SignInAsync(Role.Manager, [LiveApp.BranchA]);
        var adminHub = await _app.ConnectAsync(admin);
        var managerHub = await _app.ConnectAsync(manager);
        var adminKey = (await SubscribeAsync(adminHub, LiveApp.SalesSpec)).GetProperty("key").GetString();
        var managerKey = (await SubscribeAsync(managerHub, LiveApp.SalesSpec)).GetProperty("key").GetString();

        await _app.SendOrdersAsync(LiveApp.BranchB);
        var adminSawB = await NextUpdateAsync(adminHub);
        await _app.SendOrdersAsync(LiveApp.BranchA);
        var adminSawA = await NextUpdateAsync(adminHub);
        // The manager's first push is the one of branch A's order: nothing was pushed for branch B's.
        var managerFirst = await NextUpdateAsync(managerHub);

        Assert.NotEqual(adminKey, managerKey);
        Assert.Equal(2m, Total(adminSawB.GetProperty("answer"), "orders"));
        Assert.Equal(3m, Total(adminSawA.GetProperty("answer"), "orders"));
        Assert.Equal(2m, Total(managerFirst.GetProperty("answer"), "orders"));
        Assert.Equal(Total(await _app.QueryAsync(manager, LiveApp.SalesSpec), "orders"), Total(managerFirst.GetProperty("answer"), "orders"));
    }

    [Fact]
    public async Task Subscriptions_whose_data_did_not_change_are_not_recomputed()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var hub = await _app.ConnectAsync(admin);
        await SubscribeAsync(hub, LiveApp.SalesSpec);
        await SubscribeAsync(hub, new { metrics = new[] { "tickets" }, time = new { range = new { preset = "last_7_days" } } });
        await SubscribeAsync(hub, new { metrics = new[] { "orders" }, time = new { range = new { from = "2020-01-01", to = "2020-12-31" } } });

        await _app.SendOrdersAsync(LiveApp.BranchA);
        var update = await NextUpdateAsync(hub);

        Assert.Equal(2m, Total(update.GetProperty("answer"), "orders"));
        // Only the sales subscription over recent days was recomputed: not the tickets one, not the one of 2020.
        Assert.Equal(1, _app.Counters.Computations);
    }

    [Fact]
    public async Task A_set_of_kpis_from_several_subjects_is_one_subscription_updated_when_any_of_them_changes()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var hub = await _app.ConnectAsync(admin);
        var kpis = new { metrics = new[] { "revenue", "orders", "leads", "appointments_set" }, time = new { range = new { preset = "last_7_days" } } };
        var subscribed = await SubscribeAsync(hub, kpis);

        await _app.SendLeadAsync(LiveApp.BranchA);
        var afterLead = await NextUpdateAsync(hub);
        await _app.SendOrdersAsync(LiveApp.BranchA);
        var afterOrder = await NextUpdateAsync(hub);

        Assert.Equal(0m, Total(subscribed.GetProperty("answer"), "leads"));
        Assert.Equal(1m, Total(afterLead.GetProperty("answer"), "leads"));
        Assert.Equal(1m, Total(afterLead.GetProperty("answer"), "orders"));
        Assert.Equal(2m, Total(afterOrder.GetProperty("answer"), "orders"));
        Assert.Equal(1m, Total(afterOrder.GetProperty("answer"), "leads"));
        Assert.Equal(Total(await _app.QueryAsync(admin, kpis), "revenue"), Total(afterOrder.GetProperty("answer"), "revenue"));
    }

    [Fact]
    public async Task Two_subscribers_of_the_same_question_and_scope_share_one_key_and_one_computation()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var otherAdmin = await _app.SignInAsync(Role.SuperAdmin);
        var first = await _app.ConnectAsync(admin);
        var second = await _app.ConnectAsync(otherAdmin);
        var firstKey = (await SubscribeAsync(first, LiveApp.SalesSpec)).GetProperty("key").GetString();
        var secondKey = (await SubscribeAsync(second, LiveApp.SalesSpec)).GetProperty("key").GetString();

        await _app.SendOrdersAsync(LiveApp.BranchA);
        var firstUpdate = await NextUpdateAsync(first);
        var secondUpdate = await NextUpdateAsync(second);

        Assert.Equal(firstKey, secondKey);
        Assert.Equal(2m, Total(firstUpdate.GetProperty("answer"), "orders"));
        Assert.Equal(2m, Total(secondUpdate.GetProperty("answer"), "orders"));
        Assert.Equal(1, _app.Counters.Computations);
    }

    [Fact]
    public async Task An_invalid_subscription_is_refused_with_the_field_at_fault()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var hub = await _app.ConnectAsync(admin);

        var unknownMetric = await Assert.ThrowsAsync<HubInvocationException>(() => SubscribeAsync(hub, new { metrics = new[] { "revnue" } }));
        var badInterval = await Assert.ThrowsAsync<HubInvocationException>(() => SubscribeAsync(hub, LiveApp.SalesSpec, intervalSeconds: 0));
        var typo = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("Subscribe", [new { spec = LiveApp.SalesSpec, interval = 5 }]));

        Assert.EndsWith("HubException: metrics[0]: Unknown metric 'revnue'.", unknownMetric.Message, StringComparison.Ordinal);
        Assert.Contains("HubException: intervalSeconds: The interval must be between 1 and 3,600 seconds", badInterval.Message, StringComparison.Ordinal);
        Assert.Contains("HubException: interval: not a member of a subscription", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_a_session_cannot_connect()
    {
        var sockets = _app.Factory.Server.CreateWebSocketClient();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            sockets.ConnectAsync(new Uri(_app.Factory.Server.BaseAddress, Server.Live.LiveHub.Path), CancellationToken.None));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_changed_while_connected_closes_the_connection_before_the_next_push()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        var manager = await _app.SignInAsync(Role.Manager, [LiveApp.BranchA]);
        var managerHub = await _app.ConnectAsync(manager);
        var adminHub = await _app.ConnectAsync(admin);
        await SubscribeAsync(managerHub, LiveApp.SalesSpec);
        await SubscribeAsync(adminHub, LiveApp.SalesSpec);

        using var adminHttp = _app.HttpClient(admin);
        var changed = await adminHttp.PatchAsJsonAsync($"/api/users/{manager.Id}", new { role = "viewer", branches = new[] { LiveApp.BranchA } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await managerHub.Closed.WaitAsync(Patience);
        await _app.SendOrdersAsync(LiveApp.BranchA);
        await NextUpdateAsync(adminHub);

        Assert.False(managerHub.Messages.TryRead(out _), "The closed connection received a push.");
        Assert.Equal(1, _app.Counters.Closed);
    }

    [Fact]
    public async Task The_event_stream_sends_a_snapshot_then_each_update()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        using var http = _app.HttpClient(admin);
        var spec = Uri.EscapeDataString(JsonSerializer.Serialize(LiveApp.SalesSpec));

        using var response = await http.GetAsync($"/api/live/stream?spec={spec}&interval=1", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var snapshot = await NextEventAsync(reader);
        await _app.SendOrdersAsync(LiveApp.BranchA);
        var update = await NextEventAsync(reader);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("snapshot", snapshot.Event);
        Assert.Equal(1m, Total(snapshot.Data.GetProperty("answer"), "orders"));
        Assert.Equal("update", update.Event);
        Assert.Equal(2m, Total(update.Data.GetProperty("answer"), "orders"));
    }

    [Fact]
    public async Task The_event_stream_refuses_a_bad_spec_naming_the_field()
    {
        var admin = await _app.SignInAsync(Role.SuperAdmin);
        using var http = _app.HttpClient(admin);

        var missing = await http.GetAsync("/api/live/stream");
        var unknown = await http.GetAsync($"/api/live/stream?spec={Uri.EscapeDataString("{\"metrics\":[\"revnue\"]}")}");
        var interval = await http.GetAsync($"/api/live/stream?spec={Uri.EscapeDataString("{\"metrics\":[\"revenue\"]}")}&interval=99999");

        Assert.Equal("spec", (await HttpAssert.JsonAsync(missing, HttpStatusCode.BadRequest, "application/problem+json")).GetProperty("field").GetString());
        Assert.Equal("metrics[0]", (await HttpAssert.JsonAsync(unknown, HttpStatusCode.BadRequest, "application/problem+json")).GetProperty("field").GetString());
        Assert.Equal("interval", (await HttpAssert.JsonAsync(interval, HttpStatusCode.BadRequest, "application/problem+json")).GetProperty("field").GetString());
    }

    private static async Task<(string Event, JsonElement Data)> NextEventAsync(StreamReader reader)
    {
        string? name = null;
        while (await reader.ReadLineAsync().WaitAsync(Patience) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                return (name!, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
