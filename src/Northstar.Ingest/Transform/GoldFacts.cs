using static Northstar.Ingest.Transform.Sql;

namespace Northstar.Ingest.Transform;

/// <summary>
/// Silver to the gold facts. Every fact finds its dimensions by natural id (key 0, Unknown, when the dimension has
/// not arrived yet; the Touch step re-derives such rows when it does) and its local date and hour in its location's
/// time zone.
/// </summary>
internal static class GoldFacts
{
    private static string Local(string instant) => $"({instant} at time zone coalesce(dl.time_zone, 'UTC'))";

    private static string LocalDate(string instant) => $"cast({Local(instant)} as date)";

    private static string LocalHour(string instant) => $"cast(extract(hour from {Local(instant)}) as smallint)";

    // The customer version of the silver record alias (of silver.table, the batch's records of entity) at instant.
    private static string CustomerAt(string alias, string instant, string table, string idColumn, string entity) =>
        $"left join {CustomerSpans($"(select customer_id from silver.{table} where {idColumn} in {Touched(entity)})")} dc "
        + $"on dc.customer_id = {alias}.customer_id and {instant} >= dc.span_from and {instant} < dc.valid_to";

    // Records of an entity to rebuild because a dimension they name arrived in this batch while their fact holds 0.
    private static string LateDimension(string entity, string fact, string factId, string silver, string silverId, params (string Key, string Column, string Dimension)[] references) =>
        $"""
        insert into ns_touched (entity, id)
        select '{entity}', s.{silverId}
        from {fact} f
        join silver.{silver} s on s.{silverId} = f.{factId}
        where {string.Join("\n   or ", references.Select(r => $"(f.{r.Key} = 0 and s.{r.Column} in {Touched(r.Dimension)})"))}
        """;

    // Records naming a customer whose history this batch changed: their customer version may have changed.
    private static string CustomerChanged(string entity, string silver, string silverId) =>
        $"insert into ns_touched (entity, id) select '{entity}', {silverId} from silver.{silver} where customer_id in {Touched("customers")}";

    private static string[] Touches(params string[] statements) => statements;

    public static IReadOnlyList<Fact> All { get; } =
    [
        new("gold.fact_orders", "orders", "order_id", "local_date", ["sales"],
            Touches(
                CustomerChanged("orders", "orders", "order_id"),
                LateDimension("orders", "gold.fact_orders", "order_id", "orders", "order_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "employee_id", "employees")),
                $"""
                insert into ns_touched (entity, id)
                select 'orders', l.order_id
                from gold.fact_sales s
                join silver.order_lines l on l.order_line_id = s.order_line_id
                where s.product_key = 0 and l.product_id in {Touched("products")}
                """),
            $"""
            insert into gold.fact_orders (order_id, date_key, ordered_at, local_date, local_hour, location_key, employee_key,
                                          customer_key, channel_key, state, line_count, item_quantity, subtotal, discount, tax,
                                          tip, total, refunded_amount, net_amount, is_first_order, updated_at)
            select o.order_id, {DateKey(LocalDate("o.ordered_at"))}, o.ordered_at, {LocalDate("o.ordered_at")}, {LocalHour("o.ordered_at")},
                   coalesce(dl.location_key, 0), coalesce(de.employee_key, 0), coalesce(dc.customer_key, 0),
                   coalesce(ch.channel_key, 0), o.state, coalesce(n.line_count, 0), coalesce(n.quantity, 0), o.subtotal,
                   o.discount, o.tax, o.tip, o.total, o.refunded_amount,
                   case when o.state = 'cancelled' then 0 else o.subtotal - o.discount - o.refunded_amount end,
                   false, o.updated_at
            from silver.orders o
            left join gold.dim_location dl on dl.location_id = o.location_id
            left join gold.dim_employee de on de.employee_id = o.employee_id
            {CustomerAt("o", "o.ordered_at", "orders", "order_id", "orders")}
            left join gold.dim_channel ch on ch.channel_code = o.channel
            left join (select order_id, count(*) as line_count, sum(quantity) as quantity
                       from silver.order_lines where order_id in {Touched("orders")} group by order_id) n on n.order_id = o.order_id
            where o.order_id in {Touched("orders")}
            """,
            $"""
            update gold.fact_orders set is_first_order = r.is_first
            from (select order_id, row_number() over (partition by customer_id order by ordered_at, order_id) = 1 as is_first
                  from silver.orders
                  where state <> 'cancelled'
                    and customer_id in (select customer_id from silver.orders where order_id in {Touched("orders")})) as r
            where gold.fact_orders.order_id = r.order_id and gold.fact_orders.is_first_order <> r.is_first
            """),
        new("gold.fact_sales", "orders", "order_id", "local_date", ["sales"], [], $"""
            insert into gold.fact_sales (order_line_id, order_id, line_number, date_key, ordered_at, local_date, local_hour,
                                         location_key, employee_key, customer_key, product_key, channel_key, quantity, unit_price,
                                         gross_amount, discount_amount, net_amount, tax_amount, cost_amount, refunded_amount,
                                         updated_at)
            with o as (
                select so.order_id, so.ordered_at, so.updated_at, so.refunded_amount,
                       coalesce(so.refunded_at, so.updated_at) as refund_time, coalesce(dl.time_zone, 'UTC') as time_zone,
                       coalesce(dl.location_key, 0) as location_key, coalesce(de.employee_key, 0) as employee_key,
                       coalesce(dc.customer_key, 0) as customer_key, coalesce(ch.channel_key, 0) as channel_key
                from silver.orders so
                left join gold.dim_location dl on dl.location_id = so.location_id
                left join gold.dim_employee de on de.employee_id = so.employee_id
                {CustomerAt("so", "so.ordered_at", "orders", "order_id", "orders")}
                left join gold.dim_channel ch on ch.channel_code = so.channel
                where so.order_id in {Touched("orders")} and so.state <> 'cancelled'
            ),
            lines as (
                select l.order_line_id, l.order_id, l.line_number, l.quantity, l.unit_price, l.discount, l.tax, l.line_total,
                       l.refunded_amount, least(l.refunded_amount, l.line_total) as refunded_net,
                       l.refunded_amount >= l.line_total as fully_refunded, coalesce(dp.product_key, 0) as product_key, dp.unit_cost
                from silver.order_lines l
                left join gold.dim_product dp on dp.product_id = l.product_id
                where l.order_id in {Touched("orders")}
            ),
            sold as (
                select lines.order_line_id, lines.order_id, lines.line_number, o.ordered_at as happened_at, o.time_zone,
                       o.location_key, o.employee_key, o.customer_key, lines.product_key, o.channel_key, lines.quantity,
                       lines.unit_price, lines.quantity * lines.unit_price as gross_amount, lines.discount as discount_amount,
                       lines.line_total as net_amount, lines.tax as tax_amount, lines.quantity * lines.unit_cost as cost_amount,
                       lines.refunded_amount, o.updated_at
                from lines join o on o.order_id = lines.order_id
                union all
                select lines.order_line_id || ':refund', lines.order_id, lines.line_number, o.refund_time, o.time_zone,
                       o.location_key, o.employee_key, o.customer_key, lines.product_key, o.channel_key,
                       case when lines.fully_refunded then -lines.quantity else 0 end, lines.unit_price,
                       -lines.refunded_net, 0, -lines.refunded_net, -(lines.refunded_amount - lines.refunded_net),
                       case when lines.fully_refunded then -(lines.quantity * lines.unit_cost) else 0 end,
                       lines.refunded_amount, o.updated_at
                from lines join o on o.order_id = lines.order_id
                where lines.refunded_amount > 0
                union all
                select o.order_id || ':refund', o.order_id, 0, o.refund_time, o.time_zone, o.location_key, o.employee_key,
                       o.customer_key, 0, o.channel_key, 0, 0, -(o.refunded_amount - coalesce(r.line_refunds, 0)), 0,
                       -(o.refunded_amount - coalesce(r.line_refunds, 0)), 0, 0, o.refunded_amount - coalesce(r.line_refunds, 0),
                       o.updated_at
                from o
                left join (select order_id, sum(refunded_amount) as line_refunds from lines group by order_id) r on r.order_id = o.order_id
                where o.refunded_amount > coalesce(r.line_refunds, 0)
            )
            select order_line_id, order_id, line_number, {DateKey("local_date")}, happened_at, local_date,
                   cast(extract(hour from local_time) as smallint),
                   location_key, employee_key, customer_key, product_key, channel_key, quantity, unit_price, gross_amount,
                   discount_amount, net_amount, tax_amount, cost_amount, refunded_amount, updated_at
            from (select *, cast(local_time as date) as local_date
                  from (select *, happened_at at time zone time_zone as local_time from sold) as timed) as dated
            """),
        new("gold.fact_leads", "leads", "lead_id", "local_date", ["pipeline"],
            Touches(
                CustomerChanged("leads", "leads", "lead_id"),
                LateDimension("leads", "gold.fact_leads", "lead_id", "leads", "lead_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "assigned_employee_id", "employees"),
                    ("campaign_key", "campaign_id", "campaigns"))),
            $"""
            insert into gold.fact_leads (lead_id, date_key, created_at, local_date, location_key, employee_key, customer_key,
                                         channel_key, campaign_key, status, is_converted, converted_at, updated_at)
            select s.lead_id, {DateKey(LocalDate("s.created_at"))}, s.created_at, {LocalDate("s.created_at")},
                   coalesce(dl.location_key, 0), coalesce(de.employee_key, 0), coalesce(dc.customer_key, 0),
                   coalesce(ch.channel_key, 0), coalesce(cp.campaign_key, 0), s.status,
                   s.status = 'won' or s.converted_at is not null, s.converted_at, s.updated_at
            from silver.leads s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.assigned_employee_id
            {CustomerAt("s", "s.created_at", "leads", "lead_id", "leads")}
            left join gold.dim_channel ch on ch.channel_code = s.channel
            left join gold.dim_campaign cp on cp.campaign_id = s.campaign_id
            where s.lead_id in {Touched("leads")}
            """),
        new("gold.fact_appointments", "appointments", "appointment_id", "local_date", ["pipeline"],
            Touches(
                CustomerChanged("appointments", "appointments", "appointment_id"),
                $"insert into ns_touched (entity, id) select 'appointments', appointment_id from silver.appointments where lead_id in {Touched("leads")}",
                LateDimension("appointments", "gold.fact_appointments", "appointment_id", "appointments", "appointment_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "assigned_employee_id", "employees"),
                    ("set_by_employee_key", "set_by_employee_id", "employees"))),
            $"""
            insert into gold.fact_appointments (appointment_id, lead_id, date_key, scheduled_at, local_date, local_hour,
                                                location_key, employee_key, set_by_employee_key, customer_key, channel_key,
                                                campaign_key, outcome, updated_at)
            select s.appointment_id, s.lead_id, {DateKey(LocalDate("s.scheduled_at"))}, s.scheduled_at,
                   {LocalDate("s.scheduled_at")}, {LocalHour("s.scheduled_at")}, coalesce(dl.location_key, 0),
                   coalesce(de.employee_key, 0), coalesce(ds.employee_key, 0), coalesce(dc.customer_key, 0),
                   coalesce(ch.channel_key, 0), coalesce(cp.campaign_key, 0), s.outcome, s.updated_at
            from silver.appointments s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.assigned_employee_id
            left join gold.dim_employee ds on ds.employee_id = s.set_by_employee_id
            {CustomerAt("s", "s.scheduled_at", "appointments", "appointment_id", "appointments")}
            left join silver.leads ld on ld.lead_id = s.lead_id
            left join gold.dim_channel ch on ch.channel_code = ld.channel
            left join gold.dim_campaign cp on cp.campaign_id = ld.campaign_id
            where s.appointment_id in {Touched("appointments")}
            """),
        new("gold.fact_jobs", "jobs", "job_id", "local_date", ["pipeline", "production"],
            Touches(
                CustomerChanged("jobs", "jobs", "job_id"),
                LateDimension("jobs", "gold.fact_jobs", "job_id", "jobs", "job_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "sold_by_employee_id", "employees")),
                $"""
                insert into ns_touched (entity, id)
                select 'jobs', s.job_id from gold.fact_job_commissions f
                join silver.job_commission_splits s on s.job_id = f.job_id
                where f.employee_key = 0 and s.employee_id in {Touched("employees")}
                """,
                // The job's channel comes from its appointment's lead: re-derive it when either arrives or changes.
                $"""
                insert into ns_touched (entity, id)
                select 'jobs', j.job_id from silver.jobs j
                join silver.appointments a on a.appointment_id = j.appointment_id
                where a.appointment_id in {Touched("appointments")} or a.lead_id in {Touched("leads")}
                """),
            $"""
            insert into gold.fact_jobs (job_id, appointment_id, date_key, sold_at, local_date, location_key, employee_key,
                                        customer_key, channel_key, sold_amount, stage, production_started_at,
                                        production_completed_at, production_days, updated_at)
            select s.job_id, s.appointment_id, {DateKey(LocalDate("s.sold_at"))}, s.sold_at, {LocalDate("s.sold_at")},
                   coalesce(dl.location_key, 0), coalesce(de.employee_key, 0), coalesce(dc.customer_key, 0),
                   coalesce(ch.channel_key, 0), s.sold_amount, s.stage, s.production_started_at, s.production_completed_at,
                   {"{days(s.production_started_at, s.production_completed_at)}"}, s.updated_at
            from silver.jobs s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.sold_by_employee_id
            {CustomerAt("s", "s.sold_at", "jobs", "job_id", "jobs")}
            left join silver.appointments ap on ap.appointment_id = s.appointment_id
            left join silver.leads ld on ld.lead_id = ap.lead_id
            left join gold.dim_channel ch on ch.channel_code = ld.channel
            where s.job_id in {Touched("jobs")}
            """),
        // Without splits the seller gets the whole credit. Two employees not known yet both map to key 0 and are
        // summed, so the key stays unique.
        new("gold.fact_job_commissions", "jobs", "job_id", "local_date", ["production"], [], $"""
            insert into gold.fact_job_commissions (job_id, employee_key, date_key, local_date, location_key, share,
                                                   credited_amount, updated_at)
            select job_id, employee_key, min(date_key), min(local_date), min(location_key), least(sum(share), 1),
                   sum(credited_amount), max(updated_at)
            from (select j.job_id, coalesce(de.employee_key, 0) as employee_key, f.date_key, f.local_date, f.location_key,
                         credit.share, round(j.sold_amount * credit.share, 2) as credited_amount, j.updated_at
                  from silver.jobs j
                  join gold.fact_jobs f on f.job_id = j.job_id
                  join (select job_id, employee_id, share from silver.job_commission_splits
                        where job_id in {Touched("jobs")}
                        union all
                        select job_id, sold_by_employee_id, 1 from silver.jobs
                        where job_id in {Touched("jobs")} and sold_by_employee_id is not null
                          and job_id not in (select job_id from silver.job_commission_splits where job_id in {Touched("jobs")})
                       ) as credit on credit.job_id = j.job_id
                  left join gold.dim_employee de on de.employee_id = credit.employee_id
                  where j.job_id in {Touched("jobs")}) as credits
            group by job_id, employee_key
            """),
        new("gold.fact_tickets", "tickets", "ticket_id", "local_date", ["service"],
            Touches(
                CustomerChanged("tickets", "tickets", "ticket_id"),
                LateDimension("tickets", "gold.fact_tickets", "ticket_id", "tickets", "ticket_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "assigned_employee_id", "employees"))),
            $"""
            insert into gold.fact_tickets (ticket_id, date_key, opened_at, local_date, location_key, employee_key, customer_key,
                                           channel, priority, status, first_response_at, resolved_at, first_response_seconds,
                                           resolution_seconds, satisfaction, updated_at)
            select s.ticket_id, {DateKey(LocalDate("s.opened_at"))}, s.opened_at, {LocalDate("s.opened_at")},
                   coalesce(dl.location_key, 0), coalesce(de.employee_key, 0), coalesce(dc.customer_key, 0), s.channel,
                   s.priority, s.status, s.first_response_at, s.resolved_at,
                   {"{seconds(s.opened_at, s.first_response_at)}"}, {"{seconds(s.opened_at, s.resolved_at)}"},
                   s.satisfaction, s.updated_at
            from silver.tickets s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.assigned_employee_id
            {CustomerAt("s", "s.opened_at", "tickets", "ticket_id", "tickets")}
            where s.ticket_id in {Touched("tickets")}
            """),
        new("gold.fact_calls", "calls", "call_id", "local_date", ["telemarketing"],
            Touches(
                CustomerChanged("calls", "calls", "call_id"),
                LateDimension("calls", "gold.fact_calls", "call_id", "calls", "call_id",
                    ("location_key", "location_id", "locations"), ("employee_key", "agent_employee_id", "employees"))),
            $"""
            insert into gold.fact_calls (call_id, date_key, started_at, local_date, local_hour, location_key, employee_key,
                                         customer_key, direction, outcome, duration_seconds, updated_at)
            select s.call_id, {DateKey(LocalDate("s.started_at"))}, s.started_at, {LocalDate("s.started_at")},
                   {LocalHour("s.started_at")}, coalesce(dl.location_key, 0), coalesce(de.employee_key, 0),
                   coalesce(dc.customer_key, 0), s.direction, s.outcome, s.duration_seconds, s.updated_at
            from silver.calls s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.agent_employee_id
            {CustomerAt("s", "s.started_at", "calls", "call_id", "calls")}
            where s.call_id in {Touched("calls")}
            """),
        new("gold.fact_canvass", "canvass_doors", "door_id", "local_date", ["canvass"],
            Touches(LateDimension("canvass_doors", "gold.fact_canvass", "door_id", "canvass_doors", "door_id",
                ("location_key", "location_id", "locations"), ("employee_key", "rep_employee_id", "employees"))),
            $"""
            insert into gold.fact_canvass (door_id, date_key, knocked_at, local_date, local_hour, location_key, employee_key,
                                           outcome, latitude, longitude, updated_at)
            select s.door_id, {DateKey(LocalDate("s.knocked_at"))}, s.knocked_at, {LocalDate("s.knocked_at")},
                   {LocalHour("s.knocked_at")}, coalesce(dl.location_key, 0), coalesce(de.employee_key, 0), s.outcome,
                   s.latitude, s.longitude, s.updated_at
            from silver.canvass_doors s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_employee de on de.employee_id = s.rep_employee_id
            where s.door_id in {Touched("canvass_doors")}
            """),
        new("gold.fact_marketing_spend", "marketing_spend", "spend_id", "spend_date", ["marketing"],
            Touches(LateDimension("marketing_spend", "gold.fact_marketing_spend", "spend_id", "marketing_spend", "spend_id",
                ("location_key", "location_id", "locations"), ("campaign_key", "campaign_id", "campaigns"))),
            $"""
            insert into gold.fact_marketing_spend (spend_id, date_key, spend_date, location_key, channel_key, campaign_key,
                                                   amount, impressions, clicks, updated_at)
            select s.spend_id, {DateKey("s.spend_date")}, s.spend_date, coalesce(dl.location_key, 0),
                   coalesce(ch.channel_key, 0), coalesce(cp.campaign_key, 0), s.amount, s.impressions, s.clicks, s.updated_at
            from silver.marketing_spend s
            left join gold.dim_location dl on dl.location_id = s.location_id
            left join gold.dim_channel ch on ch.channel_code = s.channel
            left join gold.dim_campaign cp on cp.campaign_id = s.campaign_id
            where s.spend_id in {Touched("marketing_spend")}
            """),
    ];
}
