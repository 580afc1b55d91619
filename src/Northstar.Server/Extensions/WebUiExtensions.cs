namespace Northstar.Server.Extensions;

internal static class WebUiExtensions
{
    /// <summary>
    /// Serves the built UI's files from wwwroot; Vite's hashed assets are cached for good, and sent compressed to the
    /// browsers that accept it (<see cref="PrecompressedAssets"/>).
    /// </summary>
    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UsePrecompressedAssets(app.Environment.WebRootFileProvider);
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = PrecompressedAssets.ContentTypes,
            OnPrepareResponse = context =>
            {
                if (!context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                    return;
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                PrecompressedAssets.NameEncoding(context.Context);
            },
        });
        return app;
    }

    /// <summary>
    /// Any other path that does not name a file gets index.html, so a deep link into the UI loads it. Revalidated on
    /// every load, as it names the current hashed assets.
    /// </summary>
    public static WebApplication MapWebUiFallback(this WebApplication app)
    {
        var revalidate = new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        };
        // The browsable API reference is a page of its own (Swagger UI over /openapi/v1.json).
        // Anonymous: the pages hold no data (the API they call checks the caller), and the sign-in page is one of them.
        app.MapFallbackToFile("/api-docs/{**path}", "api-docs/index.html", revalidate).AllowAnonymous();
        app.MapFallbackToFile("index.html", revalidate).AllowAnonymous();
        return app;
    }
}
