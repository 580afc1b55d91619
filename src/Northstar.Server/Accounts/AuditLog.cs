using System.Text.Json;
using Dapper;
using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>
/// The audit log (<c>app.audit</c>, append-only): who did what to what, from where, with details as JSON. Callers pass
/// details without secrets; passwords, tokens and cookies are never given to it. Read back a page at a time, newest first.
/// </summary>
internal sealed class AuditLog(IWarehouse warehouse, TimeProvider time)
{
    private const int MaxActorLength = 320;

    /// <summary>
    /// Records one action. <paramref name="caller"/> is who did it (null for an anonymous request such as a failed
    /// sign-in, or the command line); <paramref name="http"/> gives the client's address.
    /// </summary>
    public Task WriteAsync(
        Caller? caller, string action, string? targetType, string? targetId, object? details, HttpContext? http,
        CancellationToken cancellationToken) =>
        WriteAsync(caller?.UserId, caller?.Email, action, targetType, targetId, details, http, cancellationToken);

    /// <summary>Records one action by a named actor that is not a signed-in caller (a failed sign-in's email, "cli").</summary>
    public async Task WriteAsync(
        long? userId, string? actor, string action, string? targetType, string? targetId, object? details, HttpContext? http,
        CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(AppSql.For(warehouse, """
                insert into app.audit (occurred_at, user_id, actor, action, target_type, target_id, ip_address, details)
                values (@now, @userId, @actor, @action, @targetType, @targetId, @ipAddress, cast(@details as json))
                """),
                new
                {
                    now = time.GetUtcNow(),
                    userId,
                    actor = actor is { Length: > MaxActorLength } ? actor[..MaxActorLength] : actor,
                    action,
                    targetType,
                    targetId,
                    ipAddress = http?.Connection.RemoteIpAddress?.ToString(),
                    details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
                },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>One page of entries matching the filter, newest first, and how many match in all.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, long Total)> ReadAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (filter.Action is not null)
            conditions.Add("action = @action");
        if (filter.UserId is not null)
            conditions.Add("user_id = @userId");
        if (filter.From is not null)
            conditions.Add("occurred_at >= @from");
        if (filter.To is not null)
            conditions.Add("occurred_at < @to");
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        var parameters = new
        {
            action = filter.Action,
            userId = filter.UserId,
            from = filter.From?.ToUniversalTime(),
            to = filter.To?.ToUniversalTime(),
            limit = pageSize,
            offset = (long)(page - 1) * pageSize,
        };

        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                AppSql.For(warehouse, $"select count(*) from app.audit {where}"), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(AppSql.For(warehouse, $"""
                select audit_id as Id, occurred_at as OccurredAt, user_id as UserId, actor as Actor, action as Action,
                       target_type as TargetType, target_id as TargetId, ip_address as IpAddress, cast(details as text) as Details
                from app.audit {where}
                order by audit_id desc
                limit @limit offset @offset
                """), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return ([.. rows.Select(row => row.ToEntry())], total);
        }
    }

    private sealed class AuditRow
    {
        public long Id { get; init; }
        public DateTime OccurredAt { get; init; }
        public long? UserId { get; init; }
        public string? Actor { get; init; }
        public string Action { get; init; } = "";
        public string? TargetType { get; init; }
        public string? TargetId { get; init; }
        public string? IpAddress { get; init; }
        public string? Details { get; init; }

        public AuditEntry ToEntry() => new(
            Id, AppSql.Instant(OccurredAt), UserId, Actor, Action, TargetType, TargetId, IpAddress,
            Details is null ? null : JsonDocument.Parse(Details).RootElement.Clone());
    }
}

/// <summary>Which audit entries to read; null matches any.</summary>
internal sealed record AuditFilter(string? Action, long? UserId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>One entry of the audit log, as <c>GET /api/audit</c> shows it.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset OccurredAt,
    long? UserId,
    string? Actor,
    string Action,
    string? TargetType,
    string? TargetId,
    string? IpAddress,
    JsonElement? Details);
