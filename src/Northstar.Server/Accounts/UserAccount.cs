namespace Northstar.Server.Accounts;

/// <summary>
/// A user as stored in <c>app.users</c> and <c>app.user_branches</c>. The password hash (null for a user who cannot sign
/// in with a password) never leaves the server.
/// </summary>
internal sealed record UserAccount(
    long Id,
    string Email,
    string DisplayName,
    Role Role,
    IReadOnlyList<string> Branches,
    string? EmployeeId,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    string? PasswordHash)
{
    /// <summary>The caller this user is when signed in with a session.</summary>
    public Caller ToCaller() => new(Id, Email, DisplayName, Role, Branches, EmployeeId, null);
}

/// <summary>What a new user is made of (the password is hashed separately).</summary>
internal sealed record NewUser(string Email, string DisplayName, Role Role, IReadOnlyList<string> Branches, string? EmployeeId);

/// <summary>Changes to a user; null leaves a field as it is (an empty employee id removes the link).</summary>
internal sealed record UserChanges(
    string? DisplayName = null,
    Role? Role = null,
    IReadOnlyList<string>? Branches = null,
    string? EmployeeId = null,
    bool? IsActive = null);
