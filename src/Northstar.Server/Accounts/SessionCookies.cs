using Microsoft.AspNetCore.Antiforgery;

namespace Northstar.Server.Accounts;

/// <summary>
/// The cookies of a signed-in browser: <c>ns_session</c> (the session token, HttpOnly) and <c>XSRF-TOKEN</c> (the
/// anti-forgery request token, readable by the UI's script, which echoes it in <c>X-XSRF-TOKEN</c>). Both SameSite=Strict,
/// Secure when the request came over HTTPS. They are browser-session cookies (no Expires): the server ends the session
/// (absolute and idle expiry, revocation) whatever the cookie says, and a closed browser forgets it.
/// </summary>
internal static class SessionCookies
{
    public const string SessionCookie = "ns_session";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";

    /// <summary>The antiforgery system's own cookie (HttpOnly), which the request token is checked against.</summary>
    public const string AntiforgeryCookie = "ns_antiforgery";

    public static void IssueSession(HttpContext context, string token) =>
        context.Response.Cookies.Append(SessionCookie, token, Options(context, httpOnly: true));

    /// <summary>
    /// Issues a fresh anti-forgery pair for the request's current user (the token is bound to the user's id, so this
    /// runs after <see cref="HttpContext.User"/> is the signed-in caller).
    /// </summary>
    public static void IssueXsrf(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(XsrfCookie, tokens.RequestToken!, Options(context, httpOnly: false));
    }

    public static void Clear(HttpContext context)
    {
        foreach (var (name, httpOnly) in new[] { (SessionCookie, true), (XsrfCookie, false), (AntiforgeryCookie, true) })
            context.Response.Cookies.Delete(name, Options(context, httpOnly));
    }

    private static CookieOptions Options(HttpContext context, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
