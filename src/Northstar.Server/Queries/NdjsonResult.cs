using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Northstar.Server.Queries;

/// <summary>
/// Streams items as newline-delimited JSON (<c>application/x-ndjson</c>), one line each, flushed as it comes, so a
/// client can use each answer of a batch as soon as it is ready.
/// </summary>
public sealed class NdjsonResult<T>(IAsyncEnumerable<T> items) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/x-ndjson";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var cancellationToken = httpContext.RequestAborted;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(response.Body, item, json, cancellationToken);
            await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), [ContentType]));
    }
}
