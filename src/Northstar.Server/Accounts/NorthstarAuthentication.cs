using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Northstar.Server.Accounts;

/// <summary>
/// The one authentication scheme, "Northstar": a bearer API token (<c>Authorization: Bearer nst_...</c>) or else the
/// session cookie, checked against the database on every request and turned into <see cref="Caller"/>'s claims. An
/// invalid cookie leaves the request anonymous; an invalid token fails it. Challenges and refusals are problem details
/// (401, 403), never redirects.
/// </summary>
internal sealed class NorthstarAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerResolver callers,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Northstar";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return await AuthenticateTokenAsync(authorization["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (Request.Cookies[SessionCookies.SessionCookie] is { Length: > 0 } cookie)
            return await AuthenticateSessionAsync(cookie).ConfigureAwait(false);
        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync("Unauthorized", "Sign in first: there is no valid session cookie or API token on this request.")
            .ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "Your role does not allow this.").ConfigureAwait(false);
    }

    private async Task<AuthenticateResult> AuthenticateSessionAsync(string cookie)
    {
        if (await callers.FromSessionAsync(cookie, Context.RequestAborted).ConfigureAwait(false) is not { } session)
            return AuthenticateResult.NoResult();
        Context.Features.Set(new SessionFeature(session.SessionHash));
        return Success(session.Caller);
    }

    private async Task<AuthenticateResult> AuthenticateTokenAsync(string presented) =>
        await callers.FromApiTokenAsync(presented, Context.RequestAborted).ConfigureAwait(false) is { } caller
            ? Success(caller)
            : AuthenticateResult.Fail("The API token is invalid, expired or revoked.");

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName)), SchemeName));

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        }).ConfigureAwait(false);
}
