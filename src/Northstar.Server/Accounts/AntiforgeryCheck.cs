using Microsoft.AspNetCore.Antiforgery;

namespace Northstar.Server.Accounts;

/// <summary>
/// Refuses an unsafe request (POST, PUT, PATCH, DELETE) signed in by the session cookie unless its <c>X-XSRF-TOKEN</c>
/// header carries the anti-forgery token issued with the session: another site can make a browser send the cookie,
/// but cannot read the token. Bearer requests carry no ambient credential and are exempt; so is sign-in.
/// </summary>
internal sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string LoginPath = "/api/auth/login";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (unsafeMethod
            && context.Features.Get<SessionFeature>() is not null
            && !context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Anti-forgery token missing",
                    Detail = "The anti-forgery token is missing or invalid; reload the page.",
                    Extensions = { ["errors"] = new Dictionary<string, string[]> { [SessionCookies.XsrfHeader] = ["Missing or invalid."] } },
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
