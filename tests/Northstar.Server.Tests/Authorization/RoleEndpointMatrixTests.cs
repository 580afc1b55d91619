using System.Globalization;
using System.Text;
using static Northstar.Server.Tests.Authorization.MatrixCaller;

namespace Northstar.Server.Tests.Authorization;

/// <summary>
/// The role × endpoint matrix: every endpoint of the app, called by every role, by a bearer token and anonymously, answers
/// the status below; a write that is refused (401, 403) leaves the users and tokens as a Super Admin reads them. A new
/// endpoint fails <see cref="The_matrix_lists_every_mapped_endpoint"/> until it has a row here.
/// </summary>
public sealed class RoleEndpointMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly MatrixCaller[] Callers = [Anonymous, SuperAdmin, Manager, Staff, Viewer, Bearer];

    private const string Spec = """{ "metrics": ["revenue"] }""";

    /// <summary>Each endpoint: the request, and the status for each of <see cref="Callers"/> in order.</summary>
    private static readonly Dictionary<string, Row> Rows = new Row[]
    {
        // Statuses in the order anonymous, Super Admin, Manager, Staff, Viewer, bearer token (the Manager's).
        new("GET /healthz", _ => Get("/healthz"), [200, 200, 200, 200, 200, 200]),
        new("GET /readyz", _ => Get("/readyz"), [200, 200, 200, 200, 200, 200]),
        new("GET /api/info", _ => Get("/api/info"), [200, 200, 200, 200, 200, 200]),
        new("GET /openapi/{documentName}.json", _ => Get("/openapi/v1.json"), [200, 200, 200, 200, 200, 200]),
        // Unsigned: whoever is signed in, a webhook without its signature is refused.
        new("POST /api/ingest/{entity}", _ => Post("/api/ingest/orders", "{}"), [401, 401, 401, 401, 401, 401]),
        new("GET /api/ingest/quality", _ => Get("/api/ingest/quality"), [401, 200, 403, 403, 403, 403]),
        // An unknown entity writes nothing; the handler checks it first, so the Super Admin gets 404.
        new("POST /api/ingest/files/{entity}", _ => Post("/api/ingest/files/widgets", "{}"), [401, 404, 403, 403, 403, 403]),
        new("GET /api/model/", _ => Get("/api/model"), [401, 200, 200, 200, 200, 200]),
        new("POST /api/query/", _ => Post("/api/query", Spec), [401, 200, 200, 200, 200, 200]),
        new("POST /api/query/batch", _ => Post("/api/query/batch", $$"""{ "queries": [ { "id": "a", "spec": {{Spec}} } ] }"""),
            [401, 200, 200, 200, 200, 200]),
        new("GET /api/dashboards/", _ => Get("/api/dashboards"), [401, 200, 200, 200, 200, 200]),
        new("GET /api/dashboards/{id}", _ => Get("/api/dashboards/sales"), [401, 200, 200, 200, 200, 200]),
        // Export permission: Super Admins and Managers (and a Manager's token); the file is written within the scope.
        new("POST /api/export/csv", _ => Post("/api/export/csv", $$"""{ "spec": {{Spec}}, "name": "matrix" }"""),
            [401, 200, 200, 403, 403, 200]),
        // Without a spec, so that the event stream answers (400) instead of streaming.
        new("GET /api/live/stream", _ => Get("/api/live/stream"), [401, 400, 400, 400, 400, 400]),
        // The live hub: negotiating needs a sign-in; a plain GET without a connection id is SignalR's 400.
        new("* /hubs/live/negotiate", _ => Post("/hubs/live/negotiate?negotiateVersion=1", ""), [401, 200, 200, 200, 200, 200]),
        new("* /hubs/live", _ => Get("/hubs/live"), [401, 400, 400, 400, 400, 400]),
        new("POST /api/auth/login",
            _ => Post("/api/auth/login", $$"""{ "email": "nobody-{{Guid.NewGuid():N}}@example.com", "password": "not-a-password" }"""),
            [401, 401, 401, 401, 401, 401]),
        // Ends the session, so each caller signs in afresh for it.
        new("POST /api/auth/logout", _ => Post("/api/auth/logout", ""), [401, 204, 204, 204, 204, 204], OwnClient: true),
        new("GET /api/auth/me", _ => Get("/api/auth/me"), [401, 200, 200, 200, 200, 200]),
        // A wrong current password: the caller may try (400), a token may not (403).
        new("POST /api/auth/password",
            _ => Post("/api/auth/password", """{ "currentPassword": "not-the-password", "newPassword": "a-long-new-password-0" }"""),
            [401, 400, 400, 400, 400, 403]),
        new("GET /api/branches", _ => Get("/api/branches"), [401, 200, 200, 200, 200, 200]),
        new("GET /api/users/", _ => Get("/api/users/"), [401, 200, 200, 403, 403, 200]),
        new("POST /api/users/", _ => Post("/api/users/", $$"""
            { "email": "matrix-{{Guid.NewGuid():N}}@example.com", "displayName": "Matrix", "role": "viewer",
              "branches": ["{{MatrixFixture.Branch}}"] }
            """), [401, 201, 201, 403, 403, 201]),
        new("PATCH /api/users/{id:long}",
            async fixture => await Patch($"/api/users/{await fixture.NewViewerAsync()}", """{ "displayName": "Renamed" }"""),
            [401, 200, 200, 403, 403, 200]),
        new("POST /api/users/{id:long}/reset-password",
            async fixture => await Post($"/api/users/{await fixture.NewViewerAsync()}/reset-password", ""),
            [401, 200, 200, 403, 403, 200]),
        new("GET /api/tokens/", _ => Get("/api/tokens/"), [401, 200, 200, 403, 403, 200]),
        new("POST /api/tokens/", _ => Post("/api/tokens/", """{ "name": "matrix" }"""), [401, 201, 201, 403, 403, 201]),
        new("DELETE /api/tokens/{id:long}", async fixture => await Delete($"/api/tokens/{await fixture.NewManagerTokenAsync()}"),
            [401, 204, 204, 403, 403, 204]),
        new("GET /api/audit/", _ => Get("/api/audit/"), [401, 200, 403, 403, 403, 403]),
        new("* /api/{**path}", _ => Get("/api/nothing-here"), [404, 404, 404, 404, 404, 404]),
        new("GET /api-docs/{**path}", _ => Get("/api-docs/"), [200, 200, 200, 200, 200, 200]),
        new("HEAD /api-docs/{**path}", _ => Head("/api-docs/"), [200, 200, 200, 200, 200, 200]),
        new("GET {*path:nonfile}", _ => Get("/users"), [200, 200, 200, 200, 200, 200]),
        new("HEAD {*path:nonfile}", _ => Head("/users"), [200, 200, 200, 200, 200, 200]),
    }.ToDictionary(row => row.Route, StringComparer.Ordinal);

    public static TheoryData<string> Routes => [.. Rows.Keys];

    [Fact]
    public void The_matrix_lists_every_mapped_endpoint()
    {
        var mapped = MappedEndpoint.Of(fixture.App).Select(endpoint => endpoint.Route);

        Assert.Equal(mapped.Order(StringComparer.Ordinal), Rows.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_the_expected_status_and_a_refused_write_changes_nothing(string route)
    {
        var row = Rows[route];
        var wrong = new StringBuilder();
        for (var i = 0; i < Callers.Length; i++)
        {
            var caller = Callers[i];
            using var request = await row.Request(fixture);
            var refusedWrite = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && row.Expected[i] is 401 or 403;
            var before = refusedWrite ? await fixture.SnapshotAsync() : null;
            var client = row.OwnClient ? await fixture.FreshClientAsync(caller) : fixture.Client(caller);
            try
            {
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode != row.Expected[i])
                {
                    var body = await response.Content.ReadAsStringAsync();
                    wrong.Append(CultureInfo.InvariantCulture,
                        $"{caller}: expected {row.Expected[i]}, got {(int)response.StatusCode} {body}\n");
                }
            }
            finally
            {
                if (row.OwnClient)
                    client.Dispose();
            }

            if (before is not null && before != await fixture.SnapshotAsync())
                wrong.Append(CultureInfo.InvariantCulture, $"{caller}: the refused {route} changed users or tokens\n");
        }

        Assert.True(wrong.Length == 0, $"{route}\n{wrong}");
    }

    private static Task<HttpRequestMessage> Get(string path) => Request(HttpMethod.Get, path);

    private static Task<HttpRequestMessage> Head(string path) => Request(HttpMethod.Head, path);

    private static Task<HttpRequestMessage> Delete(string path) => Request(HttpMethod.Delete, path);

    private static Task<HttpRequestMessage> Post(string path, string json) => Request(HttpMethod.Post, path, json);

    private static Task<HttpRequestMessage> Patch(string path, string json) => Request(HttpMethod.Patch, path, json);

    private static Task<HttpRequestMessage> Request(HttpMethod method, string path, string? json = null) =>
        Task.FromResult(new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        });

    /// <summary>One endpoint of the matrix.</summary>
    /// <param name="Route">The endpoint, as <see cref="MappedEndpoint.Route"/> names it.</param>
    /// <param name="Request">Makes the request (afresh for each caller, with its own target when it writes to one).</param>
    /// <param name="Expected">The status for each caller, in the order of <see cref="Callers"/>.</param>
    /// <param name="OwnClient">Whether each caller uses a client of its own (the request ends its session).</param>
    private sealed record Row(string Route, Func<MatrixFixture, Task<HttpRequestMessage>> Request, int[] Expected, bool OwnClient = false);
}
