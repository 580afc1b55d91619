using System.Net;
using System.Text.RegularExpressions;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>The security headers are on every kind of response: pages, static files, JSON and problem details.</summary>
public sealed class SecurityHeadersTests(AuthorizationAppFixture fixture) : IClassFixture<AuthorizationAppFixture>, IDisposable
{
    private readonly NorthstarAppFactory _app = fixture.App;
    private readonly HttpClient _anonymous = fixture.App.CreateClient();

    [Theory]
    [InlineData("/", HttpStatusCode.OK, "text/html")]
    [InlineData("/reports/42", HttpStatusCode.OK, "text/html")]
    [InlineData("/api-docs/", HttpStatusCode.OK, "text/html")]
    [InlineData("/favicon.svg", HttpStatusCode.OK, "image/svg+xml")]
    [InlineData("/api/info", HttpStatusCode.OK, "application/json")]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound, "application/problem+json")]
    [InlineData("/api/model", HttpStatusCode.Unauthorized, "application/problem+json")]
    public async Task Every_anonymous_answer_carries_the_security_headers(string path, HttpStatusCode status, string mediaType)
    {
        using var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_hashed_ui_asset_carries_the_security_headers()
    {
        var index = await _anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;

        using var response = await _anonymous.GetAsync(new Uri(script, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_forbidden_answer_and_a_500_problem_carry_the_security_headers()
    {
        using var viewer = await _app.SignedInClientAsync(Role.Viewer);
        using var admin = await _app.SignedInClientAsync(Role.SuperAdmin);

        using var forbidden = await viewer.GetAsync(new Uri("/api/ingest/quality", UriKind.Relative));
        using var failed = await admin.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertSecurityHeaders(forbidden);
        // The exception handler clears the failed response's headers before writing the problem.
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(failed);
    }

    [Fact]
    public async Task The_pages_of_the_built_ui_have_no_inline_script_or_style_the_policy_would_block()
    {
        foreach (var page in new[] { "/", "/api-docs/" })
        {
            var html = await _anonymous.GetStringAsync(new Uri(page, UriKind.Relative));

            var scripts = Regex.Matches(html, "<script[^>]*>");
            Assert.NotEmpty(scripts);
            Assert.All(scripts, script => Assert.Contains("src=\"/", script.Value, StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"\sstyle\s*=", html);
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive, StringComparer.Ordinal);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    public void Dispose() => _anonymous.Dispose();
}
