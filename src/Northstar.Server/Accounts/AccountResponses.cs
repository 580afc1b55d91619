namespace Northstar.Server.Accounts;

/// <summary>The signed-in caller, as <c>GET /api/auth/me</c> and sign-in answer it.</summary>
public sealed record Me(
    long Id, string Email, string DisplayName, string Role, IReadOnlyList<BranchName> Branches, string? EmployeeId, MePermissions Permissions)
{
    internal static Me Of(Caller caller, IReadOnlyList<Branch> known)
    {
        var names = known.ToDictionary(branch => branch.Id, branch => branch.Name, StringComparer.Ordinal);
        var manageUsers = caller.Role is Accounts.Role.SuperAdmin or Accounts.Role.Manager;
        return new Me(
            caller.UserId, caller.Email, caller.DisplayName, caller.Role.Name(),
            [.. caller.Branches.Select(id => new BranchName(id, names.GetValueOrDefault(id, id)))],
            caller.EmployeeId,
            new MePermissions(caller.CanExport, manageUsers, caller.Role == Accounts.Role.SuperAdmin, manageUsers));
    }
}

/// <summary>A branch's id and name.</summary>
public sealed record BranchName(string Id, string Name);

/// <summary>What the caller's role allows, for the UI to show only what works.</summary>
public sealed record MePermissions(bool Export, bool ManageUsers, bool SuperAdmin, bool ApiTokens);

/// <summary>The answer to a successful sign-in: who, and where to go (a local path).</summary>
public sealed record LoginResponse(Me User, string ReturnUrl);

/// <summary>The body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? ReturnUrl);

/// <summary>The body of <c>POST /api/auth/password</c>.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A user, as the user-management API shows it (never the password hash).</summary>
public sealed record UserResponse(
    long Id, string Email, string DisplayName, string Role, IReadOnlyList<string> Branches, string? EmployeeId, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    internal static UserResponse Of(UserAccount user) => new(
        user.Id, user.Email, user.DisplayName, user.Role.Name(), user.Branches, user.EmployeeId, user.IsActive, user.CreatedAt, user.LastLoginAt);
}

/// <summary>The body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(
    string? Email, string? DisplayName, string? Role, IReadOnlyList<string>? Branches, string? EmployeeId, string? Password);

/// <summary>The answer to <c>POST /api/users</c>: the user and their password (generated unless given), shown this once.</summary>
public sealed record CreatedUserResponse(UserResponse User, string Password);

/// <summary>The body of <c>PATCH /api/users/{id}</c>: absent fields stay as they are; an empty employeeId removes the link.</summary>
public sealed record UpdateUserRequest(string? DisplayName, string? Role, IReadOnlyList<string>? Branches, string? EmployeeId, bool? IsActive);

/// <summary>A new password, generated and shown this once.</summary>
public sealed record PasswordResponse(string Password);

/// <summary>An API token as listed (never the token itself).</summary>
public sealed record ApiTokenResponse(
    long Id, string Name, string Prefix, string Role, IReadOnlyList<string> Branches, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string OwnerEmail)
{
    internal static ApiTokenResponse Of(ApiTokenRecord token) => new(
        token.Id, token.Name, token.Prefix, token.Role.Name(), token.Branches, token.CreatedAt, token.ExpiresAt, token.LastUsedAt,
        token.RevokedAt, token.OwnerEmail);
}

/// <summary>The body of <c>POST /api/tokens</c>.</summary>
public sealed record CreateTokenRequest(string? Name, string? Role, IReadOnlyList<string>? Branches, int? ExpiresInDays);

/// <summary>The answer to <c>POST /api/tokens</c>: the token, shown this once, and its record.</summary>
public sealed record CreatedTokenResponse(string Token, ApiTokenResponse ApiToken);

/// <summary>A page of the audit log.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, long Total);
