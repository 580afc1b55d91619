namespace Northstar.Server.Accounts;

/// <summary>The four roles of issue 5. What each may see is <see cref="Caller.Scope"/>; what each may do is <see cref="Policies"/>.</summary>
public enum Role
{
    /// <summary>All data across branches, user management, system health, full export.</summary>
    SuperAdmin,

    /// <summary>Their branch or branches only; staff performance; export of summaries; manages users of their branches.</summary>
    Manager,

    /// <summary>Their own performance and records only; no export.</summary>
    Staff,

    /// <summary>Read-only shared dashboards, data of the last 30 days only; no export.</summary>
    Viewer,
}

/// <summary>The roles' names as stored in <c>app.users.role</c>, sent in claims and shown by the API.</summary>
public static class RoleNames
{
    public const string SuperAdmin = "super_admin";
    public const string Manager = "manager";
    public const string Staff = "staff";
    public const string Viewer = "viewer";

    /// <summary>Every role's name, highest first.</summary>
    public static IReadOnlyList<string> All { get; } = [SuperAdmin, Manager, Staff, Viewer];

    public static string Name(this Role role) => role switch
    {
        Role.SuperAdmin => SuperAdmin,
        Role.Manager => Manager,
        Role.Staff => Staff,
        Role.Viewer => Viewer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    /// <summary>The role of a stored or requested name; false for anything else (names are case-sensitive).</summary>
    public static bool TryParse(string? name, out Role role)
    {
        (var known, role) = name switch
        {
            SuperAdmin => (true, Role.SuperAdmin),
            Manager => (true, Role.Manager),
            Staff => (true, Role.Staff),
            Viewer => (true, Role.Viewer),
            _ => (false, default),
        };
        return known;
    }
}
