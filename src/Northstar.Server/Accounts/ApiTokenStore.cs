using System.Data.Common;
using Dapper;
using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>API tokens (<c>app.api_tokens</c> and their branches) on the warehouse's primary, both engines.</summary>
internal sealed class ApiTokenStore(IWarehouse warehouse, TimeProvider time, CredentialRevocations revocations)
{
    private const string SelectTokens = """
        select t.api_token_id as Id, t.user_id as UserId, u.email as OwnerEmail, t.name as Name, t.prefix as Prefix, t.role as Role,
               t.created_at as CreatedAt, t.expires_at as ExpiresAt, t.last_used_at as LastUsedAt, t.revoked_at as RevokedAt
        from app.api_tokens t join app.users u on u.user_id = t.user_id
        """;

    // last_used_at is written at most this often, not on every request of a busy integration.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token; returns it (to be shown once) with its record.</summary>
    public async Task<(string Token, ApiTokenRecord Record)> CreateAsync(
        long userId, string name, Role role, IReadOnlyList<string> branches, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = SecretTokens.NewApiToken();
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        long id;
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql("""
                    insert into app.api_tokens (user_id, name, token_hash, prefix, role, created_at, expires_at)
                    values (@userId, @name, @hash, @prefix, @role, @now, @expiresAt)
                    returning api_token_id
                    """),
                    new
                    {
                        userId,
                        name,
                        hash = SecretTokens.Hash(token),
                        prefix = token[..SecretTokens.ShownPrefixLength],
                        role = role.Name(),
                        now = time.GetUtcNow(),
                        expiresAt,
                    },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var branch in branches.Distinct(StringComparer.Ordinal))
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        Sql("insert into app.api_token_branches (api_token_id, location_id) values (@id, @branch)"),
                        new { id, branch }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return (token, (await FindByIdAsync(id, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<ApiTokenRecord?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync("where t.api_token_id = @id", new { id }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>The record of a presented token, by its hash; null when no token has it.</summary>
    public async Task<ApiTokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        (await QueryAsync("where t.token_hash = @hash", new { hash = SecretTokens.Hash(token) }, cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();

    /// <summary>The tokens of one user, or everyone's when <paramref name="userId"/> is null; newest first.</summary>
    public Task<IReadOnlyList<ApiTokenRecord>> ListAsync(long? userId, CancellationToken cancellationToken) =>
        userId is { } owner
            ? QueryAsync("where t.user_id = @owner", new { owner }, cancellationToken)
            : QueryAsync("", new { }, cancellationToken);

    /// <summary>Revokes a token of <paramref name="userId"/>: it signs nothing in from now on.</summary>
    public async Task RevokeAsync(long userId, long id, CancellationToken cancellationToken)
    {
        await ExecuteAsync("update app.api_tokens set revoked_at = @now where api_token_id = @id and revoked_at is null",
            new { id, now = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        revocations.Raise(userId);
    }

    /// <summary>
    /// Records a use of the token (at most once a minute), best effort: when concurrent requests with the token touch it
    /// at once, the engine may refuse all but one (DuckDB: "Conflict on update"), and one recorded use is enough.
    /// </summary>
    public async Task TouchAsync(ApiTokenRecord token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (token.LastUsedAt is { } last && now - last < TouchInterval)
            return;
        try
        {
            await ExecuteAsync("update app.api_tokens set last_used_at = @now where api_token_id = @id",
                new { id = token.Id, now }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Another request recorded the use.
        }
    }

    private async Task<IReadOnlyList<ApiTokenRecord>> QueryAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = (await connection.QueryAsync<TokenRow>(new CommandDefinition(
                Sql($"{SelectTokens} {where} order by t.api_token_id desc"), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (rows.Count == 0)
                return [];
            var branches = (await connection.QueryAsync<BranchRow>(new CommandDefinition(
                    "select api_token_id as TokenId, location_id as LocationId from app.api_token_branches order by location_id",
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToLookup(row => row.TokenId, row => row.LocationId);
            return [.. rows.Select(row => row.ToRecord([.. branches[row.Id]]))];
        }
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

    private sealed class TokenRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string OwnerEmail { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? ExpiresAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public DateTime? RevokedAt { get; init; }

        public ApiTokenRecord ToRecord(IReadOnlyList<string> branches) => new(
            Id, UserId, OwnerEmail, Name, Prefix, AppSql.ParseRole(Role), branches, AppSql.Instant(CreatedAt),
            AppSql.Instant(ExpiresAt), AppSql.Instant(LastUsedAt), AppSql.Instant(RevokedAt));
    }

    private sealed class BranchRow
    {
        public long TokenId { get; init; }
        public string LocationId { get; init; } = "";
    }
}
