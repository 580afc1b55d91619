using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Server.Accounts;

namespace Northstar.Server.Apis;

/// <summary>
/// Sign-in and the signed-in caller: <c>POST /api/auth/login</c>, <c>/logout</c>, <c>/password</c> and
/// <c>GET /api/auth/me</c>. docs/accounts.md documents sessions, cookies and throttling.
/// </summary>
internal static class AuthApi
{
    private const string WrongCredentials = "Email or password is incorrect.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Sign in with email and password: sets the session cookie and the anti-forgery cookie")
            .WithDescription(
                "401 with the same message for an unknown email, a wrong password and a deactivated user; 429 with " +
                "Retry-After after 5 failures for the account or 20 for the client address within 15 minutes.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/logout", LogoutAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("Logout")
            .WithSummary("Sign out: the session ends on the server and its cookies are cleared");
        api.MapGet("/me", GetMeAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetMe")
            .WithSummary("The signed-in caller: name, role, branches and permissions (and a fresh anti-forgery cookie)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/password", ChangePasswordAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ChangePassword")
            .WithSummary("Change your password: your other sessions end, this one is replaced")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, SignIn signIn, BranchDirectory branches, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var outcome = await signIn.AttemptAsync(request.Email, request.Password, http, cancellationToken);
        if (outcome.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins",
                detail: $"Too many failed sign-ins; try again in {Math.Ceiling(seconds / 60.0)} minutes.");
        }

        if (outcome.User is not { } user)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: WrongCredentials);

        var caller = user.ToCaller();
        SessionCookies.IssueSession(http, outcome.SessionToken!);
        // The anti-forgery token is bound to the user it is issued for: this request's user becomes the new one.
        http.User = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), NorthstarAuthentication.SchemeName));
        SessionCookies.IssueXsrf(http, antiforgery);
        return TypedResults.Ok(new LoginResponse(
            Me.Of(caller, await branches.ListAsync(cancellationToken)), LocalReturnUrl(request.ReturnUrl)));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, SessionStore sessions, AuditLog audit, CancellationToken cancellationToken)
    {
        if (http.Features.Get<SessionFeature>() is { } session && Caller.From(http.User) is { } caller)
            await sessions.RevokeAsync(caller.UserId, session.SessionHash, cancellationToken);
        SessionCookies.Clear(http);
        await audit.WriteAsync(Caller.From(http.User), AuditActions.Logout, "user", null, null, http, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Me>> GetMeAsync(
        HttpContext http, BranchDirectory branches, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        if (http.Features.Get<SessionFeature>() is not null)
            SessionCookies.IssueXsrf(http, antiforgery);
        return TypedResults.Ok(Me.Of(caller, await branches.ListAsync(cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, HttpContext http, AccountStore accounts, SessionStore sessions, Passwords passwords,
        LoginThrottle throttle, AuditLog audit, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        if (caller.ApiTokenId is not null)
            return FieldProblems.Forbidden("currentPassword", "Sign in with your password to change it; an API token cannot.");
        if (Passwords.Problem(request.NewPassword) is { } problem)
            return FieldProblems.Invalid("newPassword", problem);

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(caller.Email, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
            return FieldProblems.Of(StatusCodes.Status429TooManyRequests, "Too many failed attempts", "currentPassword",
                "Too many wrong passwords; try again later.");
        }

        var user = (await accounts.FindByIdAsync(caller.UserId, cancellationToken))!;
        if (!passwords.Verify(user.Email, user.PasswordHash, request.CurrentPassword ?? "", out _))
        {
            throttle.RecordFailure(caller.Email, address);
            return FieldProblems.Invalid("currentPassword", "The current password is incorrect.");
        }

        await accounts.SetPasswordHashAsync(user.Id, passwords.Hash(user.Email, request.NewPassword!), cancellationToken);
        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        var token = await sessions.CreateAsync(user.Id, address, http.Request.Headers.UserAgent.ToString(), cancellationToken);
        SessionCookies.IssueSession(http, token);
        SessionCookies.IssueXsrf(http, antiforgery);
        await audit.WriteAsync(caller, AuditActions.PasswordChanged, "user", user.Id.ToString(CultureInfo.InvariantCulture), null, http, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The return URL when it is a path on this site; "/" for anything that could lead elsewhere.</summary>
    internal static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
