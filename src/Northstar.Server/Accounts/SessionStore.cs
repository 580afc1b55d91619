using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>
/// Cookie sessions in <c>app.sessions</c>: the cookie holds a random token, the table only its SHA-256. A session is
/// valid until revoked, until <see cref="AccountsOptions.SessionHours"/> after sign-in, or after
/// <see cref="AccountsOptions.IdleMinutes"/> without a request; every request checks it here.
/// </summary>
internal sealed class SessionStore(
    IWarehouse warehouse, TimeProvider time, IOptions<AccountsOptions> options, CredentialRevocations revocations)
{
    private const int MaxUserAgentLength = 512;

    // last_seen_at is written at most this often: idle expiry counts in minutes, and a write per request would not pay.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Starts a session; returns the cookie's token (shown to nobody but the browser).</summary>
    public async Task<string> CreateAsync(
        long userId, string? ipAddress, string? userAgent, CancellationToken cancellationToken)
    {
        var token = SecretTokens.NewSessionToken();
        var now = time.GetUtcNow();
        var expiresAt = now.AddHours(options.Value.SessionHours);
        await ExecuteAsync("""
            insert into app.sessions (session_hash, user_id, created_at, expires_at, last_seen_at, ip_address, user_agent)
            values (@hash, @userId, @now, @expiresAt, @now, @ipAddress, @userAgent)
            """,
            new
            {
                hash = SecretTokens.Hash(token),
                userId,
                now,
                expiresAt,
                ipAddress,
                userAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
            },
            cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The user of a valid session token and the session's hash; null when unknown, revoked or expired.</summary>
    public async Task<(long UserId, string Hash)?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(token);
        var now = time.GetUtcNow();
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(Sql("""
                select user_id as UserId, expires_at as ExpiresAt, last_seen_at as LastSeenAt, revoked_at as RevokedAt
                from app.sessions where session_hash = @hash
                """), new { hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (row is null || row.RevokedAt is not null)
                return null;
            var lastSeen = AppSql.Instant(row.LastSeenAt);
            if (now >= AppSql.Instant(row.ExpiresAt) || now - lastSeen >= TimeSpan.FromMinutes(options.Value.IdleMinutes))
                return null;
            if (now - lastSeen >= TouchInterval)
                await TouchAsync(connection, hash, now, cancellationToken).ConfigureAwait(false);

            return (row.UserId, hash);
        }
    }

    /// <summary>
    /// Records the session's activity, best effort: concurrent requests of one session may touch it at once, and the
    /// engine may refuse all but one (DuckDB: "Conflict on update"); one recorded activity is enough.
    /// </summary>
    private async Task TouchAsync(DbConnection connection, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql("update app.sessions set last_seen_at = @now where session_hash = @hash"),
                new { hash, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Another request recorded the activity.
        }
    }

    /// <summary>Ends one session of the user (logout).</summary>
    public async Task RevokeAsync(long userId, string hash, CancellationToken cancellationToken)
    {
        await ExecuteAsync("update app.sessions set revoked_at = @now where session_hash = @hash and revoked_at is null",
            new { hash, now = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        revocations.Raise(userId);
    }

    /// <summary>Ends every session of the user (password, role, branch change, deactivation).</summary>
    public async Task RevokeAllAsync(long userId, CancellationToken cancellationToken)
    {
        await ExecuteAsync("update app.sessions set revoked_at = @now where user_id = @userId and revoked_at is null",
            new { userId, now = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        revocations.Raise(userId);
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql(sql), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private string Sql(string sql) => AppSql.For(warehouse, sql);

    private sealed class SessionRow
    {
        public long UserId { get; init; }
        public DateTime ExpiresAt { get; init; }
        public DateTime LastSeenAt { get; init; }
        public DateTime? RevokedAt { get; init; }
    }
}
