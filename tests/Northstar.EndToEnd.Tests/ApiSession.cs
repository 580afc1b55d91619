using System.Net;
using System.Net.Http.Json;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// A signed-in HTTP client of the app, for setting up what a browser test needs through the public API: it keeps the
/// session cookie and echoes the anti-forgery cookie in <c>X-XSRF-TOKEN</c> on state-changing requests, as the UI does.
/// </summary>
public sealed class ApiSession : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;

    private ApiSession(Uri baseAddress) =>
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = baseAddress };

    public static async Task<ApiSession> SignInAsync(Uri baseAddress, string email, string password)
    {
        var session = new ApiSession(baseAddress);
        using var response = await session._client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await SendPostAsync(path, body);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and reads the JSON answer (e.g. <c>/api/query</c>).</summary>
    public async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await SendPostAsync(path, body);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<HttpResponseMessage> SendPostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        var xsrf = _cookies.GetCookies(_client.BaseAddress!)["XSRF-TOKEN"];
        if (xsrf is not null)
            request.Headers.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf.Value));
        var response = await _client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            Assert.Fail($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return response;
    }

    public void Dispose() => _client.Dispose();
}
