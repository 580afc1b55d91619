using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Northstar.Ingest.Webhooks;

/// <summary>
/// Checks signed webhook requests (see <see cref="WebhookSignature"/>) against the configured per-source secrets.
/// The answer is only "valid" or "not": a caller learns nothing about which part failed, and the comparison of
/// MACs takes the same time whatever bytes differ.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>How far a request's timestamp may lie from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const int MacLength = 32;

    private readonly Dictionary<string, (string Name, string Secret)> _sources;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates a verifier over <paramref name="secrets"/> (source name → secret; names match case-insensitively, as
    /// configuration keys do) and the clock <paramref name="time"/>.
    /// </summary>
    public WebhookVerifier(IReadOnlyDictionary<string, string> secrets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(time);
        _sources = secrets.ToDictionary(pair => pair.Key, pair => (pair.Key, pair.Value), StringComparer.OrdinalIgnoreCase);
        _time = time;
    }

    /// <summary>
    /// Whether the request is signed by the secret of <paramref name="source"/> over <paramref name="body"/> at a
    /// timestamp within <see cref="Tolerance"/> of now; if so, <paramref name="verifiedSource"/> is the source's name
    /// as configured. Any missing or malformed header is simply "not valid".
    /// </summary>
    public bool TryVerify(
        string? source, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out string? verifiedSource)
    {
        verifiedSource = null;
        if (source is null || !_sources.TryGetValue(source, out var configured))
            return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || !IsFresh(seconds))
            return false;
        if (!TryParseMac(signature, out var presented))
            return false;
        var expected = WebhookSignature.ComputeMac(configured.Secret, seconds, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
            return false;
        verifiedSource = configured.Name;
        return true;
    }

    private bool IsFresh(long seconds)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var window = (long)Tolerance.TotalSeconds;
        return seconds >= now - window && seconds <= now + window;
    }

    private static bool TryParseMac(string? signature, out byte[] mac)
    {
        mac = [];
        if (signature is null || !signature.StartsWith(WebhookSignature.Scheme, StringComparison.Ordinal))
            return false;
        var hex = signature.AsSpan(WebhookSignature.Scheme.Length).Trim();
        if (hex.Length != MacLength * 2)
            return false;
        mac = new byte[MacLength];
        return Convert.FromHexString(hex, mac, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == MacLength;
    }
}
