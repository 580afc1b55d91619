using Northstar.Core;

namespace Northstar.Ingest.Transform;

/// <summary>
/// Every statement of a batch, rendered once for one engine; <c>{lo}</c> and <c>{hi}</c> (the batch's first and last
/// event ids) stay placeholders. Statements read the batch as <c>event_id between {lo} and {hi}</c>: the lower bound
/// lets DuckDB skip bronze's older row groups by their min/max and PostgreSQL scan a range of the primary key, instead
/// of every statement reading all of bronze.
/// </summary>
internal sealed class BatchStatements
{
    private static readonly string KnownEntities = string.Join(", ", EntityNames.All.Select(name => $"'{name}'"));

    public BatchStatements(SqlDialect dialect)
    {
        string Render(string sql) => Dialect.Render(sql, dialect);
        Silver = SilverStatements.For(dialect).Select(statement => (statement.Entity, Render(statement.Sql))).ToList();
        Dimensions = GoldDimensions.Statements.Select(sql => GatedStatement.Of(Render(sql))).ToList();
        Customers = CustomerHistory.Statements.Select(Render).ToList();
        Facts = GoldFacts.All.Select(fact => fact with
        {
            Touch = fact.Touch.Select(Render).ToList(),
            Insert = Render(fact.Insert),
            After = fact.After is null ? null : Render(fact.After),
        }).ToList();
        Touches = Facts.SelectMany(fact => fact.Touch).Select(GatedStatement.Of).ToList();
    }

    public IReadOnlyList<(string Entity, string Sql)> Silver { get; }

    public IReadOnlyList<GatedStatement> Dimensions { get; }

    /// <summary>Customers' history; all or nothing, for the batches that touch customers.</summary>
    public IReadOnlyList<string> Customers { get; }

    /// <summary>Every fact's <see cref="Fact.Touch"/> statements, in the facts' order.</summary>
    public IReadOnlyList<GatedStatement> Touches { get; }

    public IReadOnlyList<Fact> Facts { get; }

    public const string BoundsOfBatch = """
        select min(event_id), max(event_id)
        from (select event_id from bronze.events where status = 'pending' order by event_id limit {size}) as batch
        """;

    public const string CountPending = """
        select entity, count(*) from bronze.events where status = 'pending' and event_id between {lo} and {hi} group by entity
        """;

    public static readonly string RecordUnknownEntities = $"""
        insert into app.data_quality (event_id, source, entity, external_id, reason)
        select event_id, source, entity, external_id, 'unknown entity ' || entity
        from bronze.events where status = 'pending' and event_id between {"{lo}"} and {"{hi}"} and entity not in ({KnownEntities})
        """;

    public static readonly string FailUnknownEntities = $"""
        update bronze.events set status = 'failed', processed_at = now(), attempts = attempts + 1, error = 'unknown entity ' || entity
        where status = 'pending' and event_id between {"{lo}"} and {"{hi}"} and entity not in ({KnownEntities})
        """;

    public static IReadOnlyList<string> StartTouched { get; } =
    [
        "drop table if exists ns_touched",
        "create temporary table ns_touched (entity text not null, id text not null)",
        """
        insert into ns_touched (entity, id)
        select distinct entity, external_id from bronze.events where status = 'pending' and event_id between {lo} and {hi}
        """,
    ];

    public const string TouchedEntities = "select distinct entity from ns_touched";

    public const string MarkProcessed = """
        update bronze.events set status = 'processed', processed_at = now(), attempts = attempts + 1
        where status = 'pending' and event_id between {lo} and {hi}
        """;

    public const string DropTouched = "drop table ns_touched";

    public const string BumpVersion = """
        insert into app.data_versions as t (subject, version, updated_at) values ('{subject}', 1, now())
        on conflict (subject) do update set version = t.version + 1, updated_at = now()
        """;

    /// <summary>How many of the batch's records of a dimension entity are members of its gold table already.</summary>
    public static string ExistingMembers(string table, string key, string entity) =>
        $"select count(*) from {table} where {key} in {Sql.Touched(entity)}";

    public static string DateRange(Fact fact) =>
        $"select min(date_key), max(date_key) from {fact.Table} where {fact.IdColumn} in {Sql.Touched(fact.Entity)}";

    public static string DeleteTouched(Fact fact) =>
        $"delete from {fact.Table} where {fact.IdColumn} in {Sql.Touched(fact.Entity)}";

    public const string PendingPayloads = """
        select event_id, entity, source, external_id, cast(payload as text) from bronze.events
        where status = 'pending' and event_id <= {hi}
        """;

    public const string RecentIssues = """
        select event_id, source, entity, external_id, reason, occurred_at from app.data_quality
        order by issue_id desc limit {limit}
        """;
}
