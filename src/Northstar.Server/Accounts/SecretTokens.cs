using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Northstar.Server.Accounts;

/// <summary>Session and API tokens: 32 random bytes, base64url; only their SHA-256 (hex) is ever stored.</summary>
internal static class SecretTokens
{
    /// <summary>The start of every API token, so a leaked one is recognisable (secret scanners, logs).</summary>
    public const string ApiTokenPrefix = "nst_";

    /// <summary>How many of a token's first characters are kept to tell tokens apart.</summary>
    public const int ShownPrefixLength = 12;

    public static string NewSessionToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NewApiToken() => ApiTokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
