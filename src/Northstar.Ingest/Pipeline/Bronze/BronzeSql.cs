using Northstar.Core;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// The bulk path's bronze statements of each engine (DuckDB binds <c>$name</c>, Npgsql <c>@name</c>; payload is json vs
/// jsonb). The webhook path's grouped insert is <see cref="BronzeInsert"/>.
/// </summary>
internal sealed record BronzeSql(string MoveStaged, string ClearStaged)
{
    public static BronzeSql For(SqlDialect dialect) => dialect == SqlDialect.DuckDb ? DuckDb : Postgres;

    private static readonly BronzeSql DuckDb = new(
        """
        insert into bronze.events (source, entity, external_id, idempotency_key, content_hash, payload)
        select source, entity, external_id, idempotency_key, content_hash, cast(payload as json)
        from (select *, row_number() over (partition by idempotency_key) as copy
              from bronze.event_staging where load_id = $load_id) as staged
        where copy = 1
        on conflict (idempotency_key) do nothing
        """,
        "delete from bronze.event_staging where load_id = $load_id");

    private static readonly BronzeSql Postgres = new(
        """
        insert into bronze.events (source, entity, external_id, idempotency_key, content_hash, payload)
        select distinct on (idempotency_key) source, entity, external_id, idempotency_key, content_hash, cast(payload as jsonb)
        from bronze.event_staging where load_id = @load_id
        on conflict (idempotency_key) do nothing
        """,
        "delete from bronze.event_staging where load_id = @load_id");
}
