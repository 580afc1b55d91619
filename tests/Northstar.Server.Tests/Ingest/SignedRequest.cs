using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Northstar.Ingest.Webhooks;

namespace Northstar.Server.Tests.Ingest;

/// <summary>Builds webhook requests signed the way docs/ingest.md tells a source to sign them.</summary>
public static class SignedRequest
{
    public static HttpRequestMessage Create(
        string entity, string body, string source, string secret, DateTimeOffset signedAt, string? idempotencyKey = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = signedAt.ToUnixTimeSeconds();
        var request = Unsigned(entity, bytes);
        request.Headers.Add(WebhookSignature.SourceHeader, source);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, bytes));
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static HttpRequestMessage Unsigned(string entity, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/ingest/{entity}", UriKind.Relative)) { Content = content };
    }
}
