using System.Net;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Ingest;

public sealed class IngestOpenApiTests
{
    [Fact]
    public async Task The_openapi_document_lists_the_ingest_endpoints_with_their_answers()
    {
        await using var app = await IngestApp.StartAsync(TestEngine.DuckDb);

        var body = await HttpAssert.JsonAsync(await app.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)), HttpStatusCode.OK);

        var post = body.GetProperty("paths").GetProperty("/api/ingest/{entity}").GetProperty("post");
        Assert.Equal("Ingest", post.GetProperty("tags")[0].GetString());
        Assert.StartsWith("Accept one event or an array", post.GetProperty("summary").GetString(), StringComparison.Ordinal);
        foreach (var status in new[] { "200", "207", "400", "401", "404", "413" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"POST /api/ingest/{{entity}} documents no {status}");
        var quality = body.GetProperty("paths").GetProperty("/api/ingest/quality").GetProperty("get");
        Assert.Equal("Ingest", quality.GetProperty("tags")[0].GetString());
    }
}
