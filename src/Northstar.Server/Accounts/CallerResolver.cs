namespace Northstar.Server.Accounts;

/// <summary>
/// Turns a presented credential (a session cookie's token or an API token) into the <see cref="Caller"/> it signs in
/// as right now, or null when it no longer does (revoked, expired, user deactivated). Used for every request, and again
/// for a live connection that outlives the request that opened it.
/// </summary>
internal sealed class CallerResolver(AccountStore accounts, SessionStore sessions, ApiTokenStore tokens, TimeProvider time)
{
    /// <summary>The caller of a session cookie's token and the session's hash; null when the session is not valid.</summary>
    public async Task<(Caller Caller, string SessionHash)?> FromSessionAsync(string cookie, CancellationToken cancellationToken)
    {
        if (await sessions.ValidateAsync(cookie, cancellationToken).ConfigureAwait(false) is not { } session
            || await accounts.FindByIdAsync(session.UserId, cancellationToken).ConfigureAwait(false) is not { IsActive: true } user)
        {
            return null;
        }

        return (user.ToCaller(), session.Hash);
    }

    /// <summary>The caller of an API token (its role and branches, never wider than its owner's); null when refused.</summary>
    public async Task<Caller?> FromApiTokenAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal)
            || await tokens.FindByTokenAsync(presented, cancellationToken).ConfigureAwait(false) is not { } token
            || !token.IsUsableAt(time.GetUtcNow())
            || await accounts.FindByIdAsync(token.UserId, cancellationToken).ConfigureAwait(false) is not { IsActive: true } owner
            || AccountRules.EffectiveTokenScope(token, owner) is not { } scope)
        {
            return null;
        }

        await tokens.TouchAsync(token, cancellationToken).ConfigureAwait(false);
        return new Caller(owner.Id, owner.Email, owner.DisplayName, scope.Role, scope.Branches, owner.EmployeeId, token.Id);
    }
}
