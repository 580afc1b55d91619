using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>Who calls an endpoint in the role × endpoint matrix.</summary>
public enum MatrixCaller
{
    Anonymous,
    SuperAdmin,
    Manager,
    Staff,
    Viewer,

    /// <summary>An API token of the Manager (role manager, the Manager's branch), sent as a bearer header.</summary>
    Bearer,
}

/// <summary>
/// The real app (embedded DuckDB, its own temp folder) with one signed-in client per role, a client sending a
/// Manager's API token, and an anonymous client; and the users and tokens the matrix's writes act on.
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    /// <summary>The Manager's branch; the users the matrix creates and edits are in it.</summary>
    public const string Branch = "b1";

    private readonly TempFolder _folder = new();
    private readonly Dictionary<MatrixCaller, HttpClient> _clients = [];

    public MatrixFixture() => App = new NorthstarAppFactory(NorthstarAppFactory.DuckDbSettings(_folder.Path));

    public NorthstarAppFactory App { get; }

    public async Task InitializeAsync()
    {
        _clients[MatrixCaller.Anonymous] = App.CreateClient();
        foreach (var caller in new[] { MatrixCaller.SuperAdmin, MatrixCaller.Manager, MatrixCaller.Staff, MatrixCaller.Viewer })
            _clients[caller] = await SignInAsync(caller);
        _clients[MatrixCaller.Bearer] = await BearerClientAsync();
    }

    /// <summary>The shared client of <paramref name="caller"/>.</summary>
    public HttpClient Client(MatrixCaller caller) => _clients[caller];

    /// <summary>A client of its own for <paramref name="caller"/> (a new user or token), for requests that end a session.</summary>
    public async Task<HttpClient> FreshClientAsync(MatrixCaller caller) => caller switch
    {
        MatrixCaller.Anonymous => App.CreateClient(),
        MatrixCaller.Bearer => await BearerClientAsync(),
        _ => await SignInAsync(caller),
    };

    /// <summary>A new Viewer of the Manager's branch, for the writes that edit a user; its id.</summary>
    public async Task<long> NewViewerAsync() => (await App.CreateUserAsync(Role.Viewer, [Branch])).Id;

    /// <summary>A new API token of the Manager, for the write that revokes one; its id.</summary>
    public async Task<long> NewManagerTokenAsync() => (await CreateManagerTokenAsync()).Id;

    /// <summary>
    /// The users and tokens as a Super Admin reads them through the API, without the times that reading or signing in
    /// moves (last login, last use): what a forbidden write must leave as it was.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var admin = _clients[MatrixCaller.SuperAdmin];
        var users = await admin.GetFromJsonAsync<JsonArray>("/api/users/");
        var tokens = await admin.GetFromJsonAsync<JsonArray>("/api/tokens/?all=true");
        foreach (var item in users!.Concat(tokens!))
        {
            item!.AsObject().Remove("lastLoginAt");
            item.AsObject().Remove("lastUsedAt");
        }

        return new JsonObject { ["users"] = users, ["tokens"] = tokens }.ToJsonString();
    }

    private Task<HttpClient> SignInAsync(MatrixCaller caller) => caller switch
    {
        MatrixCaller.SuperAdmin => App.SignedInClientAsync(Role.SuperAdmin),
        MatrixCaller.Manager => App.SignedInClientAsync(Role.Manager, [Branch]),
        MatrixCaller.Staff => App.SignedInClientAsync(Role.Staff, [Branch], employeeId: "emp-matrix"),
        MatrixCaller.Viewer => App.SignedInClientAsync(Role.Viewer),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Not a role that signs in."),
    };

    private async Task<HttpClient> BearerClientAsync()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await CreateManagerTokenAsync()).Token);
        return client;
    }

    private async Task<(long Id, string Token)> CreateManagerTokenAsync()
    {
        using var response = await _clients[MatrixCaller.Manager].PostAsJsonAsync(
            "/api/tokens/", new { name = $"matrix-{Guid.NewGuid():N}" });
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("apiToken").GetProperty("id").GetInt64(), body.GetProperty("token").GetString()!);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
