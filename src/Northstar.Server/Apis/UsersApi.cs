using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;

namespace Northstar.Server.Apis;

/// <summary>
/// User management for Super Admins and Managers: <c>GET/POST /api/users</c>, <c>PATCH /api/users/{id}</c>,
/// <c>POST /api/users/{id}/reset-password</c>. A Manager sees and manages only users within their branches, never a
/// Super Admin, and cannot change their own role or branches; a user the caller may not see is a 404. Every change
/// is audited (never a password).
/// </summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers);
        api.MapGet("/", ListAsync)
            .WithName("ListUsers")
            .WithSummary("The users the caller manages (a Manager: those within their branches)");
        api.MapPost("/", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Create a user; the password (generated unless given) is in the answer, this once")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPatch("/{id:long}", UpdateAsync)
            .WithName("UpdateUser")
            .WithSummary("Change a user's name, role, branches, employee link or active state; a change of scope ends their sessions")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:long}/reset-password", ResetPasswordAsync)
            .WithName("ResetUserPassword")
            .WithSummary("Give a user a new generated password (in the answer, this once) and end their sessions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<UserResponse>>> ListAsync(
        ClaimsPrincipal user, AccountStore accounts, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user)!;
        var users = await accounts.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UserResponse>>(
            [.. users.Where(candidate => AccountRules.CanManage(caller, candidate)).Select(UserResponse.Of)]);
    }

    public static async Task<Results<Created<CreatedUserResponse>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, HttpContext http, AccountStore accounts, Passwords passwords, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var email = EmailAddress.Normalize(request.Email);
        if (!EmailAddress.IsValid(email))
            return FieldProblems.Invalid("email", "An email address is required (name@example.com).");
        if (UserRequests.DisplayNameProblem(request.DisplayName) is { } nameProblem)
            return FieldProblems.Invalid("displayName", nameProblem);
        if (!RoleNames.TryParse(request.Role, out var role))
            return FieldProblems.Invalid("role", UserRequests.RoleProblem);
        if (UserRequests.BranchesProblem(request.Branches) is { } branchProblem)
            return FieldProblems.Invalid("branches", branchProblem);
        if (UserRequests.EmployeeIdProblem(request.EmployeeId) is { } employeeProblem)
            return FieldProblems.Invalid("employeeId", employeeProblem);
        if (request.Password is not null && Passwords.Problem(request.Password) is { } passwordProblem)
            return FieldProblems.Invalid("password", passwordProblem);
        var branches = UserRequests.Normalize(request.Branches);
        if (!AccountRules.MayGrant(caller, role))
            return FieldProblems.Forbidden("role", $"You cannot create a user with the role {role.Name()}.");
        if (!AccountRules.MayGrantBranches(caller, branches))
            return FieldProblems.Forbidden("branches", "Give the user one or more of your own branches.");

        var password = request.Password ?? Passwords.Generate();
        var employeeId = string.IsNullOrWhiteSpace(request.EmployeeId) ? null : request.EmployeeId.Trim();
        var created = await accounts.CreateAsync(
            new NewUser(email, request.DisplayName!.Trim(), role, branches, employeeId), passwords.Hash(email, password), cancellationToken);
        if (created is null)
            return FieldProblems.Of(StatusCodes.Status409Conflict, "Conflict", "email", "A user with this email exists already.");

        await audit.WriteAsync(caller, AuditActions.UserCreated, "user", Id(created.Id),
            new { email, displayName = created.DisplayName, role = role.Name(), branches, employeeId }, http, cancellationToken);
        return TypedResults.Created($"/api/users/{Id(created.Id)}", new CreatedUserResponse(UserResponse.Of(created), password));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateUserRequest request, HttpContext http, AccountStore accounts, SessionStore sessions, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        if (await accounts.FindByIdAsync(id, cancellationToken) is not { } current || !AccountRules.CanManage(caller, current))
            return FieldProblems.NotFound("user");

        if (request.DisplayName is not null && UserRequests.DisplayNameProblem(request.DisplayName) is { } nameProblem)
            return FieldProblems.Invalid("displayName", nameProblem);
        Role? role = null;
        if (request.Role is not null)
        {
            if (!RoleNames.TryParse(request.Role, out var parsed))
                return FieldProblems.Invalid("role", UserRequests.RoleProblem);
            role = parsed == current.Role ? null : parsed;
        }

        if (UserRequests.BranchesProblem(request.Branches) is { } branchProblem)
            return FieldProblems.Invalid("branches", branchProblem);
        if (UserRequests.EmployeeIdProblem(request.EmployeeId) is { } employeeProblem)
            return FieldProblems.Invalid("employeeId", employeeProblem);
        var branches = request.Branches is null ? null : UserRequests.Normalize(request.Branches);
        if (branches is not null && branches.SequenceEqual(current.Branches, StringComparer.Ordinal))
            branches = null;
        var isActive = request.IsActive == current.IsActive ? null : request.IsActive;

        var self = caller.UserId == current.Id;
        if (self && role is not null)
            return FieldProblems.Forbidden("role", "You cannot change your own role.");
        if (self && branches is not null)
            return FieldProblems.Forbidden("branches", "You cannot change your own branches.");
        if (self && isActive is not null)
            return FieldProblems.Forbidden("isActive", "You cannot deactivate yourself.");
        if (role is { } newRole && !AccountRules.MayGrant(caller, newRole))
            return FieldProblems.Forbidden("role", $"You cannot give the role {newRole.Name()}.");
        if (branches is not null && !AccountRules.MayGrantBranches(caller, branches))
            return FieldProblems.Forbidden("branches", "Give the user one or more of your own branches.");

        var employeeId = request.EmployeeId?.Trim();
        if (employeeId is not null && employeeId == (current.EmployeeId ?? ""))
            employeeId = null;
        var displayName = request.DisplayName?.Trim();
        if (displayName == current.DisplayName)
            displayName = null;

        var changes = new UserChanges(displayName, role, branches, employeeId, isActive);
        if (changes == new UserChanges())
            return TypedResults.Ok(UserResponse.Of(current));
        var updated = (await accounts.UpdateAsync(id, changes, cancellationToken))!;
        // Scope is read from the user on every request anyway; ending the sessions makes the UI sign in to the new one.
        if (role is not null || branches is not null || employeeId is not null || isActive == false)
            await sessions.RevokeAllAsync(id, cancellationToken);
        await audit.WriteAsync(caller, AuditActions.UserUpdated, "user", Id(id), new { changes = Describe(current, updated) }, http, cancellationToken);
        return TypedResults.Ok(UserResponse.Of(updated));
    }

    public static async Task<Results<Ok<PasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(
        long id, HttpContext http, AccountStore accounts, SessionStore sessions, Passwords passwords, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        if (await accounts.FindByIdAsync(id, cancellationToken) is not { } user || !AccountRules.CanManage(caller, user))
            return FieldProblems.NotFound("user");

        var password = Passwords.Generate();
        await accounts.SetPasswordHashAsync(id, passwords.Hash(user.Email, password), cancellationToken);
        await sessions.RevokeAllAsync(id, cancellationToken);
        await audit.WriteAsync(caller, AuditActions.PasswordReset, "user", Id(id), new { email = user.Email }, http, cancellationToken);
        return TypedResults.Ok(new PasswordResponse(password));
    }

    /// <summary>Each changed field as { old, new }.</summary>
    private static Dictionary<string, object?> Describe(UserAccount before, UserAccount after)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (before.DisplayName != after.DisplayName)
            changes["displayName"] = new { old = before.DisplayName, @new = after.DisplayName };
        if (before.Role != after.Role)
            changes["role"] = new { old = before.Role.Name(), @new = after.Role.Name() };
        if (!before.Branches.SequenceEqual(after.Branches, StringComparer.Ordinal))
            changes["branches"] = new { old = before.Branches, @new = after.Branches };
        if (before.EmployeeId != after.EmployeeId)
            changes["employeeId"] = new { old = before.EmployeeId, @new = after.EmployeeId };
        if (before.IsActive != after.IsActive)
            changes["isActive"] = new { old = before.IsActive, @new = after.IsActive };
        return changes;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
