using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// Users for tests: created directly through the app's account store (no HTTP), and clients signed in through
/// <c>POST /api/auth/login</c> that keep the cookies and send the anti-forgery header on unsafe requests, as the UI does.
/// </summary>
public static class TestAccounts
{
    /// <summary>Creates a user of <paramref name="role"/> (a unique email unless given) with a random password.</summary>
    public static async Task<(long Id, string Email, string Password)> CreateUserAsync(
        this WebApplicationFactory<Program> app,
        Role role,
        IReadOnlyList<string>? branches = null,
        string? employeeId = null,
        string? email = null)
    {
        var services = app.Services;
        var address = email ?? $"{role.Name()}-{Guid.NewGuid():N}@test.northstar.local";
        var password = Passwords.Generate();
        var user = await services.GetRequiredService<AccountStore>().CreateAsync(
            new NewUser(address, $"Test {role}", role, branches ?? [], employeeId),
            services.GetRequiredService<Passwords>().Hash(EmailAddress.Normalize(address), password),
            CancellationToken.None);
        Assert.True(user is not null, $"A user with the email {address} exists already.");
        return (user.Id, user.Email, password);
    }

    /// <summary>A client signed in as a new user of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(
        this WebApplicationFactory<Program> app,
        Role role,
        IReadOnlyList<string>? branches = null,
        string? employeeId = null,
        string? email = null)
    {
        var (_, address, password) = await app.CreateUserAsync(role, branches, employeeId, email);
        return await app.SignInAsync(address, password);
    }

    /// <summary>A client signed in with this email and password (the sign-in must succeed).</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> app, string email, string password)
    {
        var client = app.CookieClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client that keeps cookies and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on unsafe requests; not signed in.</summary>
    public static HttpClient CookieClient(this WebApplicationFactory<Program> app)
    {
        var cookies = new CookieContainer();
        return app.CreateDefaultClient(new Uri("http://localhost"), new XsrfHeaderHandler(cookies), new CookieContainerHandler(cookies));
    }

    /// <summary>The value of a cookie the client holds, or null.</summary>
    public static string? Cookie(this CookieContainer cookies, string name) =>
        cookies.GetCookies(new Uri("http://localhost")).FirstOrDefault(cookie => cookie.Name == name)?.Value;

    private sealed class XsrfHeaderHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.Method;
            if ((method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete)
                && !request.Headers.Contains(SessionCookies.XsrfHeader)
                && cookies.Cookie(SessionCookies.XsrfCookie) is { } token)
            {
                request.Headers.Add(SessionCookies.XsrfHeader, token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
