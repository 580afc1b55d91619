namespace Northstar.Server.Accounts;

/// <summary>
/// Who may hold what: the roles and branches a caller may give (to a user or a token), the users a caller may see, and
/// the scope an API token has on a given use. A Super Admin is unrestricted; a Manager works within their branches.
/// </summary>
internal static class AccountRules
{
    /// <summary>Whether <paramref name="caller"/> may see and manage <paramref name="user"/>.</summary>
    public static bool CanManage(Caller caller, UserAccount user) => caller.Role switch
    {
        Role.SuperAdmin => true,
        Role.Manager => user.Role != Role.SuperAdmin && IsWithinBranches(user.Branches, caller.Branches),
        _ => false,
    };

    /// <summary>Whether <paramref name="caller"/> may give <paramref name="role"/> to a user or a token.</summary>
    public static bool MayGrant(Caller caller, Role role) => caller.Role switch
    {
        Role.SuperAdmin => true,
        Role.Manager => role != Role.SuperAdmin,
        _ => role == caller.Role,
    };

    /// <summary>
    /// Whether <paramref name="caller"/> may give exactly these branches. A Manager gives a non-empty subset of their own:
    /// no branches at all would mean every branch for a Staff or Viewer user.
    /// </summary>
    public static bool MayGrantBranches(Caller caller, IReadOnlyList<string> branches) =>
        caller.Role == Role.SuperAdmin || IsWithinBranches(branches, caller.Branches);

    /// <summary>
    /// The role and branches a token has on this use: its own, narrowed to what its owner holds now; null when the
    /// owner no longer holds the token's role or shares none of its branches (the token then signs nobody in).
    /// </summary>
    public static (Role Role, IReadOnlyList<string> Branches)? EffectiveTokenScope(ApiTokenRecord token, UserAccount owner)
    {
        var owning = owner.ToCaller();
        if (!MayGrant(owning, token.Role))
            return null;
        if (owner.Role == Role.SuperAdmin || owner.Branches.Count == 0)
            return (token.Role, token.Branches);
        if (token.Branches.Count == 0)
            return (token.Role, owner.Branches);
        var shared = token.Branches.Intersect(owner.Branches, StringComparer.Ordinal).ToArray();
        return shared.Length == 0 ? null : (token.Role, shared);
    }

    private static bool IsWithinBranches(IReadOnlyList<string> branches, IReadOnlyList<string> allowed) =>
        branches.Count > 0 && branches.All(branch => allowed.Contains(branch, StringComparer.Ordinal));
}
