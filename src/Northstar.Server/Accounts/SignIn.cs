namespace Northstar.Server.Accounts;

/// <summary>
/// Password sign-in: throttled per account and per address, the same refusal (and the same work) for an unknown email,
/// a wrong password and a deactivated user, a new session on success, and every attempt audited without the password.
/// </summary>
internal sealed class SignIn(AccountStore accounts, SessionStore sessions, Passwords passwords, LoginThrottle throttle, AuditLog audit)
{
    public async Task<SignInOutcome> AttemptAsync(string? email, string? password, HttpContext http, CancellationToken cancellationToken)
    {
        var account = EmailAddress.Normalize(email);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(account, address) is { } wait)
        {
            await audit.WriteAsync(null, account, AuditActions.LoginFailed, "user", null, new { reason = "throttled" }, http, cancellationToken)
                .ConfigureAwait(false);
            return SignInOutcome.Throttled(wait);
        }

        var user = account.Length == 0 ? null : await accounts.FindByEmailAsync(account, cancellationToken).ConfigureAwait(false);
        var rehash = false;
        var verified = user is null
            ? VerifyDummy(password)
            : passwords.Verify(user.Email, user.PasswordHash, password ?? "", out rehash);
        if (user is null || !verified || !user.IsActive)
        {
            throttle.RecordFailure(account, address);
            var reason = user is null ? "unknown_email" : !verified ? "wrong_password" : "inactive";
            await audit.WriteAsync(user?.Id, account, AuditActions.LoginFailed, "user", user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { reason }, http, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Refused;
        }

        throttle.RecordSuccess(account);
        if (rehash)
            await accounts.SetPasswordHashAsync(user.Id, passwords.Hash(user.Email, password!), cancellationToken).ConfigureAwait(false);
        var token = await sessions.CreateAsync(
            user.Id, address, http.Request.Headers.UserAgent.ToString(), cancellationToken).ConfigureAwait(false);
        await accounts.RecordLoginAsync(user.Id, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(user.ToCaller(), AuditActions.LoginSucceeded, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, http, cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(user, token, null);
    }

    private bool VerifyDummy(string? password)
    {
        passwords.VerifyDummy(password ?? "");
        return false;
    }
}
