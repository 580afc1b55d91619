using System.Globalization;
using System.Net.Http.Headers;
using Northstar.Ingest.Webhooks;

namespace Northstar.Bench.Suites;

/// <summary>A batch of order events as a point-of-sale system posts it: <c>POST /api/ingest/orders</c>, signed now.</summary>
internal static class SignedOrders
{
    public static HttpRequestMessage Request(byte[] body, string source, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest/orders", UriKind.Relative)) { Content = content };
        request.Headers.Add(WebhookSignature.SourceHeader, source);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        return request;
    }
}
