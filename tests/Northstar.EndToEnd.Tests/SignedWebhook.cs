using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Northstar.Ingest.Webhooks;
using Northstar.Ingest.Wire;

namespace Northstar.EndToEnd.Tests;

/// <summary>Delivers events to the app as a point-of-sale system does: a webhook signed with the e2e source's secret.</summary>
public static class SignedWebhook
{
    /// <summary>Posts <paramref name="events"/> to <c>/api/ingest/{entity}</c>; the delivery must be accepted.</summary>
    public static async Task PostAsync(Uri baseAddress, string entity, IReadOnlyList<object> events)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(events, WireFormat.Options);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/ingest/{entity}", UriKind.Relative)) { Content = content };
        request.Headers.Add(WebhookSignature.SourceHeader, KestrelApp.IngestSource);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(KestrelApp.IngestSecret, timestamp, body));
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Delivering {entity} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
