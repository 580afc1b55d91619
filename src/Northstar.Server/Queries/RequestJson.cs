using System.Text.Json;
using System.Text.Json.Serialization;

namespace Northstar.Server.Queries;

/// <summary>
/// Reads the query API's request bodies strictly: web naming, and an unknown member (a typo such as <c>metric</c>) is
/// an error naming it, rather than silently ignored.
/// </summary>
internal static class RequestJson
{
    /// <summary>The strict options, for request JSON that does not come as an HTTP body (hub arguments, query strings).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body as <typeparamref name="T"/>; null for a JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The body is not JSON, or not of the shape of <typeparamref name="T"/>.</exception>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
}
