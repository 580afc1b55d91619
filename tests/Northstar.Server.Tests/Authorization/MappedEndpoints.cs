using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Tests.Authorization;

/// <summary>One endpoint the app maps: its method (<c>*</c> for any), its route pattern and what it declares.</summary>
/// <param name="Method">GET, POST, ... or <c>*</c> for a fallback that takes every method.</param>
/// <param name="Pattern">The route pattern as mapped (<c>/api/users/{id}</c>).</param>
/// <param name="Anonymous">Whether it declares AllowAnonymous.</param>
/// <param name="Policies">The policies it requires (empty: none declared).</param>
public sealed record MappedEndpoint(string Method, string Pattern, bool Anonymous, IReadOnlyList<string> Policies)
{
    /// <summary><c>GET /api/info</c>: how the tests name an endpoint.</summary>
    public string Route => $"{Method} {Pattern}";

    /// <summary>Every endpoint of the running app, read from its endpoint data source (what routing matches against).</summary>
    public static IReadOnlyList<MappedEndpoint> Of(WebApplicationFactory<Program> app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new MappedEndpoint(
                    method,
                    endpoint.RoutePattern.RawText ?? "",
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy ?? "(default)").Distinct()])))
            .OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal)
            .ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal)];
}
