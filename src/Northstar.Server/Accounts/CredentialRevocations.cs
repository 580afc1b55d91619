namespace Northstar.Server.Accounts;

/// <summary>
/// Announces, on this node, that credentials of a user were revoked (a sign-out, a role, branch or password change, a
/// deactivation, a revoked API token), so that connections opened with them (live updates) are checked again at once
/// instead of at their next periodic check.
/// </summary>
internal sealed class CredentialRevocations
{
    /// <summary>Raised with the user's id after the revocation has been written.</summary>
    public event Action<long>? Revoked;

    public void Raise(long userId) => Revoked?.Invoke(userId);
}
