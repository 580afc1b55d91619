namespace Northstar.Ingest.Transform;

/// <summary>
/// Customers as SCD type 2. The stored versions of every touched customer and the batch's events are merged in time
/// order; a new version starts whenever a tracked attribute (home branch, segment, city, region, postal code)
/// changes, and starts at the updated_at of the event that changed it. Within a version the newest event's other
/// attributes win. Recomputing the whole history of a touched customer makes late, out-of-order deliveries land in
/// the right place; versions that survive keep their customer_key. Every version carries the customer's number, which
/// never changes.
/// </summary>
internal static class CustomerHistory
{
    private const string Tracked =
        "coalesce(home_location_id, '') || '|' || coalesce(segment, '') || '|' || coalesce(city, '') || '|' || coalesce(region, '') || '|' || coalesce(postal_code, '')";

    public static IReadOnlyList<string> Statements { get; } =
    [
        "drop table if exists ns_customer_versions",
        $"""
        create temporary table ns_customer_versions as
        with candidates as (
            select customer_id, valid_from as seen_at, name, email, phone, city, region, postal_code, segment, home_location_id,
                   first_seen_at, source, external_id, updated_at, 0 as is_new, cast(0 as bigint) as event_id
            from silver.customers
            where customer_id in (select id from ns_touched where entity = 'customers')
            union all
            select e.external_id, cast(e.payload->>'updated_at' as timestamptz), e.payload->>'name', e.payload->>'email',
                   e.payload->>'phone', e.payload->>'city', e.payload->>'region', e.payload->>'postal_code',
                   e.payload->>'segment', e.payload->>'home_location_id', cast(e.payload->>'first_seen_at' as timestamptz),
                   e.source, e.external_id, cast(e.payload->>'updated_at' as timestamptz), 1, e.event_id
            from bronze.events e
            where e.status = 'pending' and e.entity = 'customers' and e.event_id between {"{lo}"} and {"{hi}"}
        ),
        distinct_times as (
            select *, {Tracked} as tracked,
                   row_number() over (partition by customer_id, seen_at order by is_new desc, event_id desc) as pick
            from candidates
        ),
        marked as (
            select *, case when lag(tracked) over w is null or lag(tracked) over w <> tracked then 1 else 0 end as starts
            from distinct_times
            where pick = 1
            window w as (partition by customer_id order by seen_at)
        ),
        numbered as (
            select *, sum(starts) over (partition by customer_id order by seen_at rows between unbounded preceding and current row) as version_no
            from marked
        ),
        versions as (
            select *, min(seen_at) over (partition by customer_id, version_no) as version_from,
                   row_number() over (partition by customer_id, version_no order by seen_at desc) as newest
            from numbered
        ),
        history as (
            select customer_id, version_from as valid_from,
                   coalesce(lead(version_from) over (partition by customer_id order by version_from),
                            cast('9999-12-31 00:00:00+00' as timestamptz)) as valid_to,
                   name, email, phone, city, region, postal_code, segment, home_location_id, first_seen_at,
                   source, external_id, updated_at
            from versions
            where newest = 1
        )
        select h.*, s.customer_key as kept_key
        from history h
        left join silver.customers s on s.customer_id = h.customer_id and s.valid_from = h.valid_from
        """,
        "delete from silver.customers where customer_id in (select id from ns_touched where entity = 'customers')",
        """
        insert into silver.customers (customer_key, customer_id, name, email, phone, city, region, postal_code, segment,
                                      home_location_id, first_seen_at, valid_from, valid_to, is_current, source,
                                      external_id, updated_at, loaded_at)
        select coalesce(kept_key, nextval('silver.customers_customer_key_seq')), customer_id, name, email, phone, city,
               region, postal_code, segment, home_location_id, first_seen_at, valid_from, valid_to,
               valid_to = cast('9999-12-31 00:00:00+00' as timestamptz), source, external_id, updated_at, now()
        from ns_customer_versions
        """,
        "drop table ns_customer_versions",
        // A customer seen for the first time gets its number (see migration 0012); one already numbered keeps it.
        """
        insert into silver.customer_numbers (customer_id)
        select customer_id from silver.customers
        where customer_id in (select id from ns_touched where entity = 'customers')
          and customer_id not in (select customer_id from silver.customer_numbers)
        group by customer_id
        """,
        "delete from gold.dim_customer where customer_key <> 0 and customer_id in (select id from ns_touched where entity = 'customers')",
        """
        insert into gold.dim_customer (customer_key, customer_id, customer_number, name, email, phone, city, region,
                                       postal_code, segment, home_location_key, first_seen_at, valid_from, valid_to,
                                       is_current, updated_at)
        select c.customer_key, c.customer_id, n.customer_number, c.name, c.email, c.phone, c.city, c.region, c.postal_code,
               c.segment, coalesce(l.location_key, 0), c.first_seen_at, c.valid_from, c.valid_to, c.is_current, c.updated_at
        from silver.customers c
        join silver.customer_numbers n on n.customer_id = c.customer_id
        left join gold.dim_location l on l.location_id = c.home_location_id
        where c.customer_id in (select id from ns_touched where entity = 'customers')
        """,
    ];
}
