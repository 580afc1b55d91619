using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using Northstar.Server.Accounts;
using Northstar.Server.Live;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;

namespace Northstar.Server.Tests.Live;

/// <summary>
/// A node of the real app for live tests: its own warehouse (or a shared one, for a second node), a webhook source,
/// two branches, and helpers to sign users in, open hub connections with their session cookie, send signed orders and
/// ask the query API the same question.
/// </summary>
internal sealed class LiveApp : IAsyncDisposable
{
    public const string BranchA = "loc-a";
    public const string BranchB = "loc-b";

    /// <summary>Revenue and orders of the last 7 days: what the tests subscribe to.</summary>
    public static readonly object SalesSpec = new
    {
        metrics = new[] { "revenue", "orders" },
        time = new { range = new { preset = "last_7_days" } },
    };

    private readonly List<IAsyncDisposable> _owned = [];
    private int _orders;

    private LiveApp(NorthstarAppFactory factory) => Factory = factory;

    public NorthstarAppFactory Factory { get; }

    public LiveCounters Counters => Factory.Services.GetRequiredService<LiveCounters>();

    /// <summary>Starts a node with <paramref name="settings"/> (a warehouse: see <see cref="NorthstarAppFactory"/>).</summary>
    public static async Task<LiveApp> StartAsync(Dictionary<string, string?> settings, TimeProvider? liveClock = null)
    {
        settings[$"Northstar:Ingest:Sources:{IngestApp.Source}:Secret"] = IngestApp.Secret;
        var factory = new NorthstarAppFactory(settings, services =>
        {
            if (liveClock is not null)
                services.AddSingleton(new LiveClock(liveClock));
        });
        var app = new LiveApp(factory);
        _ = factory.Server;
        return app;
    }

    /// <summary>Sends the two branches and processes them, so orders have their branch.</summary>
    public async Task AddBranchesAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await SendAsync("locations", SampleEvents.JsonArray(
            new LocationEvent(BranchA, now, "Branch A", TimeZone: "America/Chicago"),
            new LocationEvent(BranchB, now, "Branch B", TimeZone: "America/Chicago")));
        await ProcessAsync();
    }

    /// <summary>A new user of <paramref name="role"/>, signed in through the login API.</summary>
    public async Task<LiveUser> SignInAsync(Role role, IReadOnlyList<string>? branches = null)
    {
        var (id, email, password) = await Factory.CreateUserAsync(role, branches);
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(header => header.Split(';')[0]).ToList();
        string Value(string name) => cookies.Single(pair => pair.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
        return new LiveUser(id, string.Join("; ", cookies), Value(SessionCookies.XsrfCookie));
    }

    /// <summary>A hub connection of <paramref name="user"/> (their cookies, as a browser sends them); disposed with the app.</summary>
    public async Task<SignalRJsonClient> ConnectAsync(LiveUser user)
    {
        var sockets = Factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Cookie = user.Cookies;
        var socket = await sockets.ConnectAsync(new Uri(Factory.Server.BaseAddress, LiveHub.Path), CancellationToken.None);
        var client = await SignalRJsonClient.ConnectAsync(socket);
        _owned.Add(client);
        return client;
    }

    /// <summary>An HTTP client of <paramref name="user"/>: their cookies and anti-forgery header on every request.</summary>
    public HttpClient HttpClient(LiveUser user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", user.Cookies);
        client.DefaultRequestHeaders.Add(SessionCookies.XsrfHeader, user.Xsrf);
        return client;
    }

    /// <summary>The answer of <c>POST /api/query</c> for <paramref name="spec"/>, as <paramref name="user"/>.</summary>
    public async Task<JsonElement> QueryAsync(LiveUser user, object spec)
    {
        using var client = HttpClient(user);
        var response = await client.PostAsJsonAsync("/api/query", spec);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/query: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends <paramref name="count"/> orders of 10.00 for <paramref name="branch"/>, dated an hour ago, in one signed request.</summary>
    public async Task SendOrdersAsync(string branch, int count = 1)
    {
        var orderedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var orders = Enumerable.Range(0, count).Select(_ =>
        {
            var id = $"live-{Interlocked.Increment(ref _orders)}-{Guid.NewGuid():N}";
            return (object)new OrderEvent(id, orderedAt, branch, orderedAt,
                [new OrderLineItem(1, 1, 10.00m, 10.00m, "prd-paint")], Subtotal: 10.00m, Total: 10.00m);
        }).ToArray();
        await SendAsync("orders", SampleEvents.JsonArray(orders));
    }

    /// <summary>Sends one web lead for <paramref name="branch"/>, created an hour ago.</summary>
    public Task SendLeadAsync(string branch)
    {
        var createdAt = DateTimeOffset.UtcNow.AddHours(-1);
        return SendAsync("leads", SampleEvents.JsonArray(new LeadEvent($"lead-{Guid.NewGuid():N}", createdAt, "web", createdAt, LocationId: branch)));
    }

    /// <summary>Moves everything accepted so far on to gold, now (the background processor may run too; they take turns).</summary>
    public Task ProcessAsync() => Factory.Services.GetRequiredService<IngestPipeline>().ProcessPendingAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
            await owned.DisposeAsync();
        await Factory.DisposeAsync();
    }

    private async Task SendAsync(string entity, string body)
    {
        using var client = Factory.CreateClient();
        var response = await client.SendAsync(SignedRequest.Create(entity, body, IngestApp.Source, IngestApp.Secret, DateTimeOffset.UtcNow));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/ingest/{entity}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>A signed-in user of a test: their id, the cookies the login set (as a Cookie header) and the anti-forgery token.</summary>
internal sealed record LiveUser(long Id, string Cookies, string Xsrf);
