using Microsoft.AspNetCore.Http.Features;

namespace Northstar.Server.Ingest;

/// <summary>Reads a request's body whole, up to a limit, so a signature can be checked over the exact bytes sent.</summary>
internal static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        // Our own limit governs this endpoint, whether above or below the server's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = limit + 1;

        using var body = new MemoryStream(request.ContentLength is { } length ? (int)Math.Min(length, Array.MaxLength) : ChunkSize);
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                    return null;
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return body.ToArray();
    }
}
