using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests;

public sealed class DuckDbServerTests(DuckDbServerFixture fixture) : IClassFixture<DuckDbServerFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Liveness_probe_answers_alive()
    {
        var body = await HttpAssert.JsonAsync(await _client.GetAsync(new Uri("/healthz", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("alive", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_probe_is_ready_after_the_startup_migrations_on_duckdb()
    {
        var body = await HttpAssert.JsonAsync(await _client.GetAsync(new Uri("/readyz", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("DuckDB", body.GetProperty("engine").GetString());
        Assert.True(body.GetProperty("migrations").GetProperty("applied").GetBoolean());
        Assert.Equal(0, body.GetProperty("migrations").GetProperty("pending").GetArrayLength());
        Assert.Equal(0, body.GetProperty("replicas").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "northstar.duckdb")), "the DuckDB file is in the data folder");
    }

    [Fact]
    public async Task Info_names_the_product_its_version_and_duckdb_with_its_own_version()
    {
        var body = await HttpAssert.JsonAsync(await _client.GetAsync(new Uri("/api/info", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("Northstar", body.GetProperty("product").GetString());
        Assert.StartsWith("0.1.0", body.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("DuckDB", body.GetProperty("engine").GetProperty("name").GetString());
        Assert.Matches(@"^v1\.5\.\d+", body.GetProperty("engine").GetProperty("version").GetString());
        Assert.Equal("DuckDb", body.GetProperty("dialect").GetString());
        Assert.Equal("USD", body.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("mapTileUrl").ValueKind);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/dashboards/7/widgets")]
    [InlineData("/api/report.csv")]
    public async Task An_unknown_api_route_is_a_404_problem(string path)
    {
        var body = await HttpAssert.JsonAsync(
            await _client.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.NotFound, "application/problem+json");

        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Contains(path, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_that_does_not_leak_the_exception()
    {
        // The test-only endpoint declares no policy, so the fallback policy wants a signed-in caller.
        using var admin = await fixture.Factory.SignedInClientAsync(Role.SuperAdmin);
        var response = await admin.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.InternalServerError, "application/problem+json");
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        Assert.True(body.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("secret-internal-detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_serves_the_web_ui()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        await AssertIsTheUiIndexAsync(response);
    }

    [Theory]
    [InlineData("/dashboards/sales")]
    [InlineData("/reports/42/edit")]
    public async Task A_deep_link_into_the_ui_falls_back_to_its_index(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertIsTheUiIndexAsync(response);
    }

    [Fact]
    public async Task The_ui_assets_it_references_are_served()
    {
        var script = await IndexScriptAsync();

        var response = await _client.GetAsync(new Uri(script, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    public async Task The_ui_assets_are_sent_compressed_to_browsers_that_accept_it(string accepted, string encoding)
    {
        var script = await IndexScriptAsync();
        var plain = await _client.GetAsync(new Uri(script, UriKind.Relative));
        var content = await plain.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(script, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < content.Length / 2, $"{compressed.Length} bytes compressed of {content.Length}");
        await using Stream decompressing = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await decompressing.CopyToAsync(decompressed);
        Assert.Equal(content, decompressed.ToArray());
        // Without Accept-Encoding the asset itself, and caches are told the answer depends on it.
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
    }

    [Fact]
    public async Task The_compressed_copies_are_not_served_as_files_of_their_own()
    {
        var script = await IndexScriptAsync();

        var response = await _client.GetAsync(new Uri(script + ".br", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_info_endpoint()
    {
        var body = await HttpAssert.JsonAsync(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)), HttpStatusCode.OK);

        var info = body.GetProperty("paths").GetProperty("/api/info").GetProperty("get");
        Assert.Equal("The product, its version and the warehouse engine it is connected to", info.GetProperty("summary").GetString());
        Assert.True(body.GetProperty("paths").TryGetProperty("/readyz", out _));
        Assert.False(body.GetProperty("paths").TryGetProperty("/api/{path}", out _), "the API's not-found fallback is not documented");
    }

    /// <summary>The app's script that index.html names.</summary>
    private async Task<string> IndexScriptAsync()
    {
        var index = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        return script;
    }

    private static async Task AssertIsTheUiIndexAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new CacheControlHeaderValue { NoCache = true }, response.Headers.CacheControl);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Northstar</title>", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"app\"></div>", html, StringComparison.Ordinal);
    }
}
