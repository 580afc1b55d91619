namespace Northstar.Server.Accounts;

/// <summary>Sign-in emails: stored lower case and trimmed; checked for shape only (one @, something on each side).</summary>
internal static class EmailAddress
{
    public const int MaxLength = 254;

    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static bool IsValid(string normalized) =>
        normalized.Length is > 2 and <= MaxLength
        && normalized.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && at == normalized.LastIndexOf('@')
        && at < normalized.Length - 1
        && !normalized.Any(char.IsWhiteSpace);
}
