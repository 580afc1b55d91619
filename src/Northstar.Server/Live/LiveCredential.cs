using Northstar.Server.Accounts;

namespace Northstar.Server.Live;

/// <summary>
/// The credential a live connection was opened with (the session cookie's token, or an API token), kept in memory
/// only, to check again while the connection stays open: the request that authenticated it is long gone.
/// </summary>
internal sealed record LiveCredential(bool IsApiToken, string Secret)
{
    /// <summary>The credential of a request: its bearer token, else its session cookie; null when it has neither.</summary>
    public static LiveCredential? Of(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return new LiveCredential(true, authorization["Bearer ".Length..].Trim());
        return http.Request.Cookies[SessionCookies.SessionCookie] is { Length: > 0 } cookie ? new LiveCredential(false, cookie) : null;
    }

    /// <summary>The caller the credential signs in as now; null when it no longer signs anyone in.</summary>
    public async Task<Caller?> ResolveAsync(CallerResolver callers, CancellationToken cancellationToken) =>
        IsApiToken
            ? await callers.FromApiTokenAsync(Secret, cancellationToken).ConfigureAwait(false)
            : (await callers.FromSessionAsync(Secret, cancellationToken).ConfigureAwait(false))?.Caller;

    // The secret never reaches a log through a record's generated ToString.
    public override string ToString() => IsApiToken ? "api token" : "session";
}
