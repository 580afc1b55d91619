using Northstar.Core;
using static Northstar.Ingest.Transform.Sql;

namespace Northstar.Ingest.Transform;

/// <summary>Bronze to silver: one upsert per entity (customers, which keep history, are in <see cref="CustomerHistory"/>).</summary>
internal static class SilverStatements
{
    private const string LineValues = """
        cast({i:line_number} as integer) as line_number,
        {i:product_id} as product_id,
        cast({i:quantity} as numeric(18,3)) as quantity,
        cast({i:unit_price} as numeric(18,2)) as unit_price,
        coalesce(cast({i:discount} as numeric(18,2)), 0) as discount,
        coalesce(cast({i:tax} as numeric(18,2)), 0) as tax,
        cast({i:line_total} as numeric(18,2)) as line_total,
        coalesce(cast({i:refunded_amount} as numeric(18,2)), 0) as refunded_amount
        """;

    private static readonly string[] LineFields =
        ["line_number", "product_id", "quantity", "unit_price", "discount", "tax", "line_total", "refunded_amount"];

    // Lines carry their order's updated_at, so an older late delivery of the order does not overwrite them either.
    // On DuckDB the lines of orders new to silver take a plain insert, far cheaper than its upsert.
    private static string[] OrderLines(SqlDialect dialect)
    {
        const string columns = """
            insert into silver.order_lines as t (order_line_id, order_id, line_number, product_id, quantity, unit_price, discount,
                                                tax, line_total, refunded_amount, source, external_id, updated_at, loaded_at)
            select order_id || ':' || cast(line_number as text), order_id, line_number, product_id, quantity, unit_price,
                   discount, tax, line_total, refunded_amount, source, order_id || ':' || cast(line_number as text), updated_at, now()
            """;
        const string upsert = """

            on conflict (order_line_id) do update set product_id = excluded.product_id, quantity = excluded.quantity,
                unit_price = excluded.unit_price, discount = excluded.discount, tax = excluded.tax,
                line_total = excluded.line_total, refunded_amount = excluded.refunded_amount, source = excluded.source,
                updated_at = excluded.updated_at, loaded_at = excluded.loaded_at
            where excluded.updated_at >= t.updated_at
            """;
        if (dialect != SqlDialect.DuckDb)
            return [$"{columns}from {PostgresLines()} as lines{upsert}"];
        var stored = Stored("order_lines", "order_id", "orders");
        return
        [
            $"{columns}from {DuckDbLines($"and external_id in {stored}")} as lines{upsert}",
            $"{columns}from {DuckDbLines($"and external_id not in {stored}")} as lines",
        ];
    }

    private static string PostgresLines()
    {
        var (values, extraction) = JsonFields.Render(LineValues, SqlDialect.PostgreSql, 'i', "item", "items.v");
        return $"""
            (select items.order_id, items.source, items.updated_at,
                    {values}
             from (select order_id, source, updated_at, {extraction}
                   from (select p.external_id as order_id, p.source, p.updated_at, {"{items(p.payload->'line_items')}"} as item
                         from {Pending("orders")}) as unnested) as items)
            """;
    }

    // DuckDB reads each order with one from_json (its lines as a list of structs of text fields), instead of parsing
    // the payload for updated_at, again for the lines, and then every line once more.
    private static string DuckDbLines(string filter)
    {
        var structure = "{\"updated_at\":\"VARCHAR\",\"line_items\":[{"
            + string.Join(",", LineFields.Select(field => $"\"{field}\":\"VARCHAR\""))
            + "}]}";
        var values = LineFields.Aggregate(
            LineValues, (sql, field) => sql.Replace($"{{i:{field}}}", $"items.item.{field}", StringComparison.Ordinal));
        return $"""
            (select items.order_id, items.source, items.updated_at,
                    {values}
             from (select order_id, source, updated_at, unnest(line_items) as item
                   from (select order_id, source, updated_at, line_items,
                                row_number() over (partition by order_id order by updated_at desc, event_id desc) as latest
                         from (select event_id, external_id as order_id, source,
                                      cast(parsed.updated_at as timestamptz) as updated_at, parsed.line_items
                               from (select event_id, external_id, source, from_json(payload, '{structure}') as parsed
                                     from bronze.events
                                     where status = 'pending' and entity = 'orders'
                                       and event_id between {"{lo}"} and {"{hi}"} {filter}) as raw) as typed) as ranked
                   where latest = 1) as items)
            """;
    }

    // A newer version of an order that no longer has a line removes it.
    private const string RemovedOrderLines = """
        delete from silver.order_lines
        where order_id in (select id from ns_touched where entity = 'orders')
          and updated_at < (select o.updated_at from silver.orders o where o.order_id = silver.order_lines.order_id)
        """;

    // The splits of a job are replaced whenever the job's stored version is the one this batch brought.
    private static readonly string RemovedCommissionSplits = $"""
        delete from silver.job_commission_splits
        where job_id in (select p.external_id from {Pending("jobs")}
                         join silver.jobs j on j.job_id = p.external_id and j.updated_at = p.updated_at)
        """;

    private static readonly string CommissionSplits = $"""
        insert into silver.job_commission_splits (job_id, employee_id, share, source, external_id, updated_at, loaded_at)
        select job_id, employee_id, share, source, job_id, updated_at, now()
        from (select p.external_id as job_id, p.source, p.updated_at, split->>'employee_id' as employee_id,
                     cast(split->>'share' as numeric(5,4)) as share
              from (select p.external_id, p.source, p.updated_at, {"{items(p.payload->'commission_splits')}"} as split
                    from {Pending("jobs")}
                    join silver.jobs j on j.job_id = p.external_id and j.updated_at = p.updated_at) as p) as splits
        """;

    private static IEnumerable<(string Entity, string Sql)> Each(string entity, params string[] statements) =>
        statements.Select(sql => (entity, sql));

    /// <summary>The statements in order, each with the entity whose pending events it reads: it has nothing to do without them.</summary>
    public static IReadOnlyList<(string Entity, string Sql)> For(SqlDialect dialect) =>
    [
        .. Each("locations", UpsertSilver(dialect, "locations", "location_id", "locations",
            ("name", Text("name")), ("address", Text("address")), ("city", Text("city")), ("region", Text("region")),
            ("postal_code", Text("postal_code")), ("country", Text("country")), ("latitude", Coordinate("latitude")),
            ("longitude", Coordinate("longitude")), ("time_zone", Text("time_zone", "UTC")), ("opened_on", Day("opened_on")),
            ("closed_on", Day("closed_on")), ("is_active", Flag("is_active")))),
        .. Each("employees", UpsertSilver(dialect, "employees", "employee_id", "employees",
            ("name", Text("name")), ("email", Text("email")), ("role", Text("role", "other")), ("location_id", Text("location_id")),
            ("hired_on", Day("hired_on")), ("terminated_on", Day("terminated_on")), ("is_active", Flag("is_active")))),
        .. Each("products", UpsertSilver(dialect, "products", "product_id", "products",
            ("sku", Text("sku")), ("name", Text("name")), ("category", Text("category", "Uncategorized")),
            ("subcategory", Text("subcategory")), ("unit_price", MoneyOrNull("unit_price")), ("unit_cost", MoneyOrNull("unit_cost")),
            ("is_active", Flag("is_active")))),
        .. Each("campaigns", UpsertSilver(dialect, "campaigns", "campaign_id", "campaigns",
            ("name", Text("name")), ("channel", Text("channel")), ("started_on", Day("started_on")), ("ended_on", Day("ended_on")),
            ("budget", MoneyOrNull("budget")))),
        .. Each("orders", UpsertSilver(dialect, "orders", "order_id", "orders",
            ("customer_id", Text("customer_id")), ("location_id", Text("location_id")), ("employee_id", Text("employee_id")),
            ("channel", Text("channel", "in_store")), ("state", Text("state", "paid")), ("subtotal", Money("subtotal")),
            ("discount", Money("discount")), ("tax", Money("tax")), ("tip", Money("tip")), ("total", Money("total")),
            ("refunded_amount", Money("refunded_amount")), ("currency", Text("currency", "USD")),
            ("ordered_at", Instant("ordered_at")), ("closed_at", Instant("closed_at")), ("refunded_at", Instant("refunded_at")))),
        .. Each("orders", OrderLines(dialect)),
        .. Each("orders", RemovedOrderLines),
        .. Each("leads", UpsertSilver(dialect, "leads", "lead_id", "leads",
            ("customer_id", Text("customer_id")), ("location_id", Text("location_id")),
            ("assigned_employee_id", Text("assigned_employee_id")), ("channel", Text("channel")), ("campaign_id", Text("campaign_id")),
            ("status", Text("status", "new")), ("created_at", Instant("created_at")), ("converted_at", Instant("converted_at")),
            ("lost_reason", Text("lost_reason")))),
        .. Each("appointments", UpsertSilver(dialect, "appointments", "appointment_id", "appointments",
            ("lead_id", Text("lead_id")), ("customer_id", Text("customer_id")), ("location_id", Text("location_id")),
            ("set_by_employee_id", Text("set_by_employee_id")), ("assigned_employee_id", Text("assigned_employee_id")),
            ("scheduled_at", Instant("scheduled_at")), ("outcome", Text("outcome", "set")), ("outcome_at", Instant("outcome_at")),
            ("created_at", Instant("created_at")))),
        .. Each("jobs", UpsertSilver(dialect, "jobs", "job_id", "jobs",
            ("appointment_id", Text("appointment_id")), ("customer_id", Text("customer_id")), ("location_id", Text("location_id")),
            ("sold_by_employee_id", Text("sold_by_employee_id")), ("sold_amount", Money("sold_amount")),
            ("sold_at", Instant("sold_at")), ("stage", Text("stage", "sold")),
            ("production_started_at", Instant("production_started_at")),
            ("production_completed_at", Instant("production_completed_at")), ("cancelled_at", Instant("cancelled_at")))),
        .. Each("jobs", RemovedCommissionSplits),
        .. Each("jobs", CommissionSplits),
        .. Each("tickets", UpsertSilver(dialect, "tickets", "ticket_id", "tickets",
            ("customer_id", Text("customer_id")), ("location_id", Text("location_id")),
            ("assigned_employee_id", Text("assigned_employee_id")), ("channel", Text("channel", "email")),
            ("priority", Text("priority", "normal")), ("status", Text("status", "open")), ("opened_at", Instant("opened_at")),
            ("first_response_at", Instant("first_response_at")), ("resolved_at", Instant("resolved_at")),
            ("satisfaction", Typed("satisfaction", "smallint")))),
        .. Each("calls", UpsertSilver(dialect, "calls", "call_id", "calls",
            ("agent_employee_id", Text("agent_employee_id")), ("location_id", Text("location_id")),
            ("customer_id", Text("customer_id")), ("lead_id", Text("lead_id")), ("direction", Text("direction", "outbound")),
            ("started_at", Instant("started_at")),
            ("duration_seconds", $"coalesce({Typed("duration_seconds", "integer")}, 0)"), ("outcome", Text("outcome")))),
        .. Each("canvass_doors", UpsertSilver(dialect, "canvass_doors", "door_id", "canvass_doors",
            ("rep_employee_id", Text("rep_employee_id")), ("location_id", Text("location_id")), ("knocked_at", Instant("knocked_at")),
            ("address", Text("address")), ("latitude", Coordinate("latitude")), ("longitude", Coordinate("longitude")),
            ("outcome", Text("outcome")), ("lead_id", Text("lead_id")))),
        .. Each("marketing_spend", UpsertSilver(dialect, "marketing_spend", "spend_id", "marketing_spend",
            ("spend_date", Day("spend_date")), ("channel", Text("channel")), ("campaign_id", Text("campaign_id")),
            ("location_id", Text("location_id")), ("amount", Money("amount")),
            ("impressions", Typed("impressions", "bigint")), ("clicks", Typed("clicks", "bigint")))),
    ];
}
