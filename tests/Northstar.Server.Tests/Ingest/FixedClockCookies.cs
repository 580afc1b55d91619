using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Northstar.Server.Tests.Ingest;

/// <summary>
/// For an app whose clock is fixed in the past (<see cref="FixedClock"/>): the session cookie's expiry, dated by that
/// clock, is already over for the test's real-time cookie jar, which would drop the cookie at once. This takes the
/// expiry off the cookies the app sets, so they live as long as the client; the server still checks every session's
/// expiry against its own clock.
/// </summary>
internal sealed partial class FixedClockCookies : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.SetCookie = headers.SetCookie.Select(cookie => Expiry().Replace(cookie ?? "", "")).ToArray();
                return Task.CompletedTask;
            }, context.Response);
            return nextMiddleware(context);
        });
        next(app);
    };

    [GeneratedRegex("; *(expires|max-age)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex Expiry();
}
