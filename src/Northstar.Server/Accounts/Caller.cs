using System.Security.Claims;
using Northstar.Core.Queries;

namespace Northstar.Server.Accounts;

/// <summary>
/// The signed-in caller of a request: a user through a session cookie, or an integration through an API token (then
/// role and branches are the token's, never wider than its user's). Built by the authentication handler as claims and
/// read back with <see cref="From"/>; everything that restricts data or actions starts from here.
/// </summary>
/// <param name="UserId">The user's id (<c>app.users.user_id</c>).</param>
/// <param name="Email">The user's sign-in email, lower case.</param>
/// <param name="DisplayName">The name shown in the UI.</param>
/// <param name="Role">The role (a token's role when signed with a token).</param>
/// <param name="Branches">The location ids of the caller's branches (a Manager's, or a token's restriction).</param>
/// <param name="EmployeeId">The employee a Staff user is (their own records); null when not linked.</param>
/// <param name="ApiTokenId">The API token the request was signed with; null for a session.</param>
public sealed record Caller(
    long UserId,
    string Email,
    string DisplayName,
    Role Role,
    IReadOnlyList<string> Branches,
    string? EmployeeId,
    long? ApiTokenId)
{
    /// <summary>The days a Viewer sees, today included.</summary>
    public const int ViewerWindowDays = 30;

    private const string BranchClaim = "ns:branch";
    private const string EmployeeClaim = "ns:employee";
    private const string ApiTokenClaim = "ns:api_token";

    /// <summary>
    /// What the caller may see, for the query compiler. Fails closed: a Manager without branches sees no branch, a
    /// Staff user without an employee link sees no employee's rows, and only a Super Admin is unrestricted (so only a
    /// Super Admin sees subjects without scope columns).
    /// </summary>
    public QueryScope Scope => Role switch
    {
        Role.SuperAdmin => QueryScope.Unrestricted,
        Role.Manager => new QueryScope(Branches, null, null),
        Role.Staff => new QueryScope(Branches.Count == 0 ? null : Branches, EmployeeId ?? string.Empty, null),
        Role.Viewer => new QueryScope(Branches.Count == 0 ? null : Branches, null, ViewerWindowDays),
        _ => throw new InvalidOperationException($"Role {Role} has no scope."),
    };

    /// <summary>Whether the caller may export data (files of query results).</summary>
    public bool CanExport => Role is Role.SuperAdmin or Role.Manager;

    /// <summary>The claims the authentication handler puts on the request's principal.</summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(ClaimTypes.NameIdentifier, UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Email, Email);
        yield return new Claim(ClaimTypes.Name, DisplayName);
        yield return new Claim(ClaimTypes.Role, Role.Name());
        foreach (var branch in Branches)
            yield return new Claim(BranchClaim, branch);
        if (EmployeeId is not null)
            yield return new Claim(EmployeeClaim, EmployeeId);
        if (ApiTokenId is { } token)
            yield return new Claim(ApiTokenClaim, token.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The caller of an authenticated principal; null when the request is anonymous or the claims are incomplete.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || principal.FindFirstValue(ClaimTypes.Email) is not { } email
            || !RoleNames.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new Caller(
            userId,
            email,
            principal.FindFirstValue(ClaimTypes.Name) ?? email,
            role,
            principal.FindAll(BranchClaim).Select(claim => claim.Value).ToArray(),
            principal.FindFirstValue(EmployeeClaim),
            long.TryParse(principal.FindFirstValue(ApiTokenClaim), out var token) ? token : null);
    }
}
