using System.Net;
using System.Text.Json;

namespace Northstar.Server.Tests.Support;

/// <summary>Assertions on HTTP answers that read the body as JSON.</summary>
public static class HttpAssert
{
    public static async Task<JsonElement> JsonAsync(
        HttpResponseMessage response, HttpStatusCode status, string mediaType = "application/json")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
