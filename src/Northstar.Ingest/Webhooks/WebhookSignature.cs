using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Northstar.Ingest.Webhooks;

/// <summary>
/// The webhook signature scheme:
/// <c>X-Northstar-Signature: sha256=&lt;hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;</c>,
/// where the timestamp is the <c>X-Northstar-Timestamp</c> header (Unix seconds) and the secret is the one
/// configured for the source named by <c>X-Northstar-Source</c>. Signing the timestamp with the body stops a
/// captured request from being replayed once the timestamp has left the tolerance window.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header naming the configured source whose secret signed the request.</summary>
    public const string SourceHeader = "X-Northstar-Source";

    /// <summary>The header carrying the signing time, in Unix seconds.</summary>
    public const string TimestampHeader = "X-Northstar-Timestamp";

    /// <summary>The header carrying <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Northstar-Signature";

    /// <summary>The prefix of the signature header's value, naming the algorithm.</summary>
    public const string Scheme = "sha256=";

    /// <summary>The least length of a source's secret, in characters.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>Computes the signature header's value for a body signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(ComputeMac(secret, timestamp, body));

    /// <summary>The raw HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c> under <paramref name="secret"/>.</summary>
    internal static byte[] ComputeMac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        // Incremental, so a body of megabytes is hashed where it lies rather than copied behind its prefix.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
