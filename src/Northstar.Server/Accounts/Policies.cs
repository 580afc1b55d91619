using Microsoft.AspNetCore.Authorization;

namespace Northstar.Server.Accounts;

/// <summary>
/// The authorization policies endpoints declare (every endpoint declares one, or says AllowAnonymous; a test enforces
/// it). Roles come from <see cref="Caller"/>'s role claim.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in caller, whatever the role; data is still limited by the caller's scope.</summary>
    public const string SignedIn = "signed_in";

    /// <summary>Super Admins only: system health, audit, settings, unrestricted SQL (explain).</summary>
    public const string SuperAdmin = "super_admin";

    /// <summary>Super Admins and Managers (a Manager within their branches): user management.</summary>
    public const string ManageUsers = "manage_users";

    /// <summary>Callers with the export permission (<see cref="Caller.CanExport"/>): Super Admins and Managers.</summary>
    public const string Export = "export";

    /// <summary>Registers the policies; the fallback policy makes an endpoint that declares none refuse anonymous callers.</summary>
    public static IServiceCollection AddNorthstarAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(SuperAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(RoleNames.SuperAdmin))
            .AddPolicy(ManageUsers, policy => policy.RequireAuthenticatedUser().RequireRole(RoleNames.SuperAdmin, RoleNames.Manager))
            .AddPolicy(Export, policy => policy.RequireAuthenticatedUser().RequireRole(RoleNames.SuperAdmin, RoleNames.Manager))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .Services;
}
