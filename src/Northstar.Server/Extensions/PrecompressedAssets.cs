using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Northstar.Server.Extensions;

/// <summary>
/// Serves the Brotli or gzip copy the web build writes beside each asset (<c>web/scripts/compress.mjs</c>) to a browser
/// that accepts it: the static file middleware then sends the smaller file, with the asset's own content type and the
/// encoding named. Compressing once at build time costs no CPU per request, unlike response compression.
/// </summary>
internal static class PrecompressedAssets
{
    /// <summary>The encodings in order of preference, with the suffix of their copies.</summary>
    private static readonly (string Token, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private const string EncodingItem = "Northstar.AssetEncoding";

    /// <summary>Points a request for an asset at its compressed copy when the browser accepts one and it exists.</summary>
    public static IApplicationBuilder UsePrecompressedAssets(this IApplicationBuilder app, IFileProvider files) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
                return next(context);

            var path = request.Path.Value!;
            // The copies are only ever served in place of their asset, with the encoding named.
            if (Encodings.Any(encoding => path.EndsWith(encoding.Suffix, StringComparison.Ordinal)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            var accepted = request.GetTypedHeaders().AcceptEncoding;
            foreach (var (token, suffix) in Encodings)
            {
                if (!files.GetFileInfo(path + suffix).Exists)
                    continue;
                context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                if (!Accepts(accepted, token))
                    continue;
                request.Path = path + suffix;
                context.Items[EncodingItem] = token;
                break;
            }

            return next(context);
        });

    /// <summary>The content type of an asset, also for its compressed copies (that of the asset itself).</summary>
    public static IContentTypeProvider ContentTypes { get; } = new CopyAwareContentTypes();

    /// <summary>Names the encoding of a compressed copy being served; call from the static files' OnPrepareResponse.</summary>
    public static void NameEncoding(HttpContext context)
    {
        if (context.Items[EncodingItem] is string encoding)
            context.Response.Headers.ContentEncoding = encoding;
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string token) =>
        accepted.Any(value => value.Value.Equals(token, StringComparison.OrdinalIgnoreCase) && value.Quality != 0);

    private sealed class CopyAwareContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.Ordinal))
                    return _types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            }

            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
