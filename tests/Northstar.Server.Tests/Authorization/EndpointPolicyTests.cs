using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>
/// Every endpoint of the real app declares who may call it: a policy of <see cref="Policies"/>, or AllowAnonymous, and
/// the anonymous ones are exactly the list below. A new endpoint mapped without either fails here.
/// </summary>
public sealed class EndpointPolicyTests
{
    /// <summary>The endpoints anyone may call, and why each may.</summary>
    public static readonly IReadOnlyList<string> AnonymousRoutes =
    [
        "GET /healthz",                    // liveness probe
        "GET /readyz",                     // readiness probe
        "GET /api/info",                   // product, version, engine name
        "GET /openapi/{documentName}.json", // the API's description, no data
        "POST /api/ingest/{entity}",       // webhooks: the HMAC signature is their authentication
        "POST /api/auth/login",            // signing in
        "* /api/{**path}",                 // 404 for unknown API paths
        "GET /api-docs/{**path}",          // the API page (static)
        "HEAD /api-docs/{**path}",
        "GET {*path:nonfile}",             // the UI's index.html (static), the sign-in page included
        "HEAD {*path:nonfile}",
    ];

    private static readonly HashSet<string> KnownPolicies =
        new([Policies.SignedIn, Policies.SuperAdmin, Policies.ManageUsers, Policies.Export], StringComparer.Ordinal);

    [Fact]
    public async Task Every_endpoint_declares_a_policy_or_allows_anonymous()
    {
        using var folder = new TempFolder();
        await using var app = new NorthstarAppFactory(NorthstarAppFactory.DuckDbSettings(folder.Path));

        var endpoints = MappedEndpoint.Of(app);

        Assert.True(endpoints.Count > 10, $"only {endpoints.Count} endpoints were found");
        Assert.Empty(Undeclared(endpoints));
    }

    [Fact]
    public async Task The_anonymous_endpoints_are_exactly_the_expected_ones()
    {
        using var folder = new TempFolder();
        await using var app = new NorthstarAppFactory(NorthstarAppFactory.DuckDbSettings(folder.Path));

        var anonymous = MappedEndpoint.Of(app).Where(endpoint => endpoint.Anonymous).Select(endpoint => endpoint.Route);

        Assert.Equal(AnonymousRoutes.Order(StringComparer.Ordinal), anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_mapped_without_a_policy_is_caught_and_refuses_anonymous_callers()
    {
        using var folder = new TempFolder();
        await using var app = new NorthstarAppFactory(
            NorthstarAppFactory.DuckDbSettings(folder.Path), services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        using var client = app.CreateClient();

        var undeclared = Undeclared(MappedEndpoint.Of(app));
        using var response = await client.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative));

        Assert.Equal([$"GET {ThrowingEndpoint.Path}"], undeclared);
        // The fallback policy still keeps it from anonymous callers: fail closed.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The endpoints that declare neither AllowAnonymous nor a known policy (or that declare both).</summary>
    private static List<string> Undeclared(IReadOnlyList<MappedEndpoint> endpoints) =>
    [
        .. endpoints
            .Where(endpoint => endpoint.Anonymous == (endpoint.Policies.Count > 0)
                               || !endpoint.Policies.All(KnownPolicies.Contains))
            .Select(endpoint => endpoint.Route),
    ];
}
