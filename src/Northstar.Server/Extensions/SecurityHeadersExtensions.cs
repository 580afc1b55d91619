using Microsoft.Extensions.Primitives;

namespace Northstar.Server.Extensions;

internal static class SecurityHeadersExtensions
{
    /// <summary>
    /// The Content-Security-Policy of every response: scripts and styles only from our own files (the built UI and the API
    /// page have no inline script or style; Vue and Swagger UI set styles through the DOM, which the policy allows), images
    /// also as data: URIs (Swagger UI's stylesheet embeds its icons), requests to our own origin only, and nothing may frame
    /// the app, change its base URL, post its forms elsewhere or embed plugins.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private static readonly StringValues Policy = ContentSecurityPolicy;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues NoReferrer = "no-referrer";
    private static readonly StringValues Deny = "DENY";

    /// <summary>
    /// Adds the security headers to every response (pages, static files, JSON, problem details). They are set when the
    /// response starts, so an exception handler that clears the headers of a failed response does not drop them.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = NoSniff;
                headers["Referrer-Policy"] = NoReferrer;
                headers.XFrameOptions = Deny;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
