using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Bench.Targets;

namespace Northstar.Bench.Suites.Live;

/// <summary>
/// The harness signed in to the server as the initial Super Admin (session cookie and anti-forgery token): it creates
/// API tokens, one per client as each browser has its own session, and asks <c>POST /api/query</c> with a token of its
/// own (<c>Authorization: Bearer</c>).
/// </summary>
/// <remarks>
/// Not one token shared by every client: the server records a token's (and a session's) last use at most once a minute
/// with an UPDATE of its row, and on DuckDB concurrent requests of one credential at that moment conflict ("Conflict on
/// update") and fail with 500 — a fault of the server reported with the figures, which one token per client avoids.
/// </remarks>
internal sealed class LiveSession : IDisposable
{
    private readonly HttpClient _browser;
    private readonly string _xsrf;
    private HttpClient? _api;

    private LiveSession(HttpClient browser, string xsrf)
    {
        _browser = browser;
        _xsrf = xsrf;
    }

    public static async Task<LiveSession> SignInAsync(Uri server, string email, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server };
        try
        {
            using var login = await browser.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken);
            if (!login.IsSuccessStatusCode)
            {
                var problem = await login.Content.ReadAsStringAsync(cancellationToken);
                throw new BenchSetupException($"Signing in to the server failed: {(int)login.StatusCode} {problem}");
            }

            var xsrf = cookies.GetCookies(server)["XSRF-TOKEN"]?.Value
                       ?? throw new BenchSetupException("The server's sign-in set no XSRF-TOKEN cookie.");
            var session = new LiveSession(browser, xsrf);
            var token = await session.CreateTokenAsync("live benchmark", cancellationToken);
            session._api = new HttpClient { BaseAddress = server };
            session._api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return session;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>Creates an API token (<c>nst_...</c>) of the signed-in Super Admin.</summary>
    public async Task<string> CreateTokenAsync(string name, CancellationToken cancellationToken)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name }) };
        create.Headers.Add("X-XSRF-TOKEN", _xsrf);
        using var created = await _browser.SendAsync(create, cancellationToken);
        var body = await created.Content.ReadAsStringAsync(cancellationToken);
        if (!created.IsSuccessStatusCode)
            throw new BenchSetupException($"Creating an API token failed: {(int)created.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Asks <c>POST /api/query</c>; returns the answer and the request's round trip seen from here.</summary>
    public async Task<(JsonElement Answer, TimeSpan RoundTrip)> QueryAsync(object spec, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await _api!.PostAsJsonAsync("/api/query", spec, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var roundTrip = Stopwatch.GetElapsedTime(start);
        Verify.Equal((int)HttpStatusCode.OK, (int)response.StatusCode, $"POST /api/query status ({body})");
        using var document = JsonDocument.Parse(body);
        return (document.RootElement.Clone(), roundTrip);
    }

    public void Dispose()
    {
        _api?.Dispose();
        _browser.Dispose();
    }
}
