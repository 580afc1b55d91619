using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// Adds <c>GET /api/test/throw</c>, which throws with a message that must never reach the client, and runs it
/// inside the app's own pipeline, behind its exception handler. It exists in tests only.
/// </summary>
public sealed class ThrowingEndpoint : IStartupFilter
{
    public const string Path = "/api/test/throw";
    public const string SecretMessage = "secret-internal-detail: connection refused by 10.1.2.3 with password hunter2";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // This routing runs first and selects the endpoint for its path; the app's own routing then keeps an
        // endpoint already selected, and the app's endpoint middleware, innermost, executes it.
        app.UseRouting();
        next(app);
        // Declares the endpoint for the routing above; as middleware it sits after the app's and is never reached.
        app.UseEndpoints(endpoints => endpoints.MapGet(Path, string () => throw new InvalidOperationException(SecretMessage)));
    };
}
