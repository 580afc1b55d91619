namespace Northstar.Server.Accounts;

/// <summary>An API token as stored (<c>app.api_tokens</c>, <c>app.api_token_branches</c>); the token itself is never stored.</summary>
internal sealed record ApiTokenRecord(
    long Id,
    long UserId,
    string OwnerEmail,
    string Name,
    string Prefix,
    Role Role,
    IReadOnlyList<string> Branches,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || now < expiry);
}
