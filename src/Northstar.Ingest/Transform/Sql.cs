using System.Text.RegularExpressions;
using Northstar.Core;

namespace Northstar.Ingest.Transform;

/// <summary>Building blocks of the transform statements: reading pending bronze payloads and upserting silver.</summary>
internal static partial class Sql
{
    /// <summary>
    /// The latest pending event of each record of <paramref name="entity"/> in the batch (events <c>{lo}</c> to <c>{hi}</c>),
    /// as <c>p</c> with event_id, source, external_id, payload and updated_at.
    /// </summary>
    public static string Pending(string entity) => $"""
        (select event_id, source, external_id, payload, updated_at
         from (select e.event_id, e.source, e.external_id, e.payload,
                      cast(e.payload->>'updated_at' as timestamptz) as updated_at,
                      row_number() over (partition by e.external_id
                                         order by cast(e.payload->>'updated_at' as timestamptz) desc, e.event_id desc) as latest
               from bronze.events e
               where e.status = 'pending' and e.entity = '{entity}' and e.event_id between {"{lo}"} and {"{hi}"}) as ranked
         where latest = 1) as p
        """;

    /// <summary>
    /// The latest pending event of each record of <paramref name="entity"/>, as <c>p</c>, with the fields that the
    /// <c>{f:name}</c> tokens of <paramref name="statement"/> name read in one pass (see <see cref="JsonFields"/>).
    /// Returns the statement with its tokens rendered and the subquery.
    /// </summary>
    public static (string Statement, string Pending) PendingFields(string statement, string entity, SqlDialect dialect) =>
        PendingFields(statement, entity, dialect, "");

    // On DuckDB, filter (a condition on e.external_id starting with "and") narrows the events read before parsing.
    private static (string Statement, string Pending) PendingFields(string statement, string entity, SqlDialect dialect, string filter)
    {
        var (rendered, extraction) = JsonFields.Render(
            statement, dialect, 'f', dialect == SqlDialect.DuckDb ? "e.payload" : "p.payload", "p.f", "updated_at");
        if (dialect != SqlDialect.DuckDb)
            return (rendered, Pending(entity));
        var pending = $"""
            (select event_id, source, external_id, payload, f, updated_at
             from (select *, cast(f[1] as timestamptz) as updated_at,
                          row_number() over (partition by external_id order by cast(f[1] as timestamptz) desc, event_id desc) as latest
                   from (select e.event_id, e.source, e.external_id, e.payload, {extraction}
                         from bronze.events e
                         where e.status = 'pending' and e.entity = '{entity}'
                           and e.event_id between {"{lo}"} and {"{hi}"} {filter}) as extracted) as ranked
             where latest = 1) as p
            """;
        return (rendered, pending);
    }

    public static string Text(string field) => $"{{f:{field}}}";

    public static string Text(string field, string fallback) => $"coalesce({{f:{field}}}, '{fallback}')";

    public static string Instant(string field) => $"cast({{f:{field}}} as timestamptz)";

    public static string Day(string field) => $"cast({{f:{field}}} as date)";

    public static string Money(string field) => $"coalesce(cast({{f:{field}}} as numeric(18,2)), 0)";

    public static string MoneyOrNull(string field) => $"cast({{f:{field}}} as numeric(18,2))";

    public static string Coordinate(string field) => $"cast({{f:{field}}} as numeric(9,6))";

    public static string Flag(string field) => $"coalesce(cast({{f:{field}}} as boolean), true)";

    public static string Typed(string field, string type) => $"cast({{f:{field}}} as {type})";

    /// <summary>
    /// Inserts the latest pending version of each record into a silver table, or updates the stored row when the
    /// version is at least as new (an older late arrival changes nothing). The key column gets the record id. On
    /// DuckDB, whose upsert costs far more than an insert, records new to silver take a plain insert after the
    /// upsert of the records it has already.
    /// </summary>
    public static string[] UpsertSilver(SqlDialect dialect, string table, string key, string entity, params (string Column, string Value)[] columns)
    {
        var names = string.Join(", ", columns.Select(c => c.Column));
        var values = string.Join(",\n       ", columns.Select(c => $"{c.Value} as {c.Column}"));
        var updates = string.Join(", ", columns.Select(c => $"{c.Column} = excluded.{c.Column}"));
        string Insert(string filter) => InsertSilver(dialect, table, key, entity, names, values, filter);
        var upsert = $"""
            on conflict ({key}) do update set {updates}, source = excluded.source, external_id = excluded.external_id,
                updated_at = excluded.updated_at, loaded_at = excluded.loaded_at
            where excluded.updated_at >= t.updated_at
            """;
        if (dialect != SqlDialect.DuckDb)
            return [Insert("") + upsert];
        var stored = Stored(table, key, entity);
        return
        [
            Insert($"and e.external_id in {stored}") + upsert,
            Insert($"and e.external_id not in {stored}"),
        ];
    }

    private static string InsertSilver(SqlDialect dialect, string table, string key, string entity, string names, string values, string filter)
    {
        var (renderedValues, pending) = PendingFields(values, entity, dialect, filter);
        return $"""
            insert into silver.{table} as t ({key}, {names}, source, external_id, updated_at, loaded_at)
            select p.external_id,
                   {renderedValues},
                   p.source, p.external_id, p.updated_at, now()
            from {pending}

            """;
    }

    /// <summary>The ids of <paramref name="entity"/> touched by this batch, for <c>in (...)</c>.</summary>
    public static string Touched(string entity) => $"(select id from ns_touched where entity = '{entity}')";

    /// <summary>
    /// The batch's records of <paramref name="entity"/> that silver.<paramref name="table"/> holds already (by its
    /// <paramref name="key"/> column), for <c>in (...)</c>: looked up for the batch's records only, as a semi-join against
    /// the whole table would hash every key of it, for every batch however small.
    /// </summary>
    public static string Stored(string table, string key, string entity) =>
        $"(select {key} from silver.{table} where {key} in {Touched(entity)})";

    /// <summary>The entities whose touched ids <paramref name="statement"/> reads through <see cref="Touched"/>.</summary>
    public static IReadOnlySet<string> TouchedEntitiesIn(string statement) =>
        TouchedPattern().Matches(statement).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\(select id from ns_touched where entity = '([a-z_]+)'\)")]
    private static partial Regex TouchedPattern();

    /// <summary>A yyyymmdd date key of a date expression.</summary>
    public static string DateKey(string date) =>
        $"cast(extract(year from {date}) * 10000 + extract(month from {date}) * 100 + extract(day from {date}) as integer)";

    /// <summary>
    /// The versions of the customers <paramref name="customerIds"/> (a subquery) names, with the span of time each
    /// covers: the first version also covers everything before it, so a fact older than the customer's first record
    /// still finds the customer. Narrowed to the batch's customers, a batch of a few records does not number the
    /// versions of every customer.
    /// </summary>
    public static string CustomerSpans(string customerIds) => $"""
        (select customer_key, customer_id, valid_to,
                case when row_number() over (partition by customer_id order by valid_from) = 1
                     then cast('1900-01-01 00:00:00+00' as timestamptz) else valid_from end as span_from
         from gold.dim_customer where customer_key <> 0 and customer_id in {customerIds})
        """;
}
