using static Northstar.Ingest.Transform.Sql;

namespace Northstar.Ingest.Transform;

/// <summary>Silver to the gold dimensions, for the records a batch touched. Surrogate keys stay stable across updates.</summary>
internal static class GoldDimensions
{
    // Channel codes become members of dim_channel as soon as any record names them; the group is a best guess
    // from the code, which marketing reports bucket by. Known codes are left out before the insert: nearly every batch
    // names only known ones, and DuckDB's conflict-checking insert costs several times a lookup even when it inserts
    // nothing. The conflict clause stays as a guard.
    private static readonly string Channels = $"""
        insert into gold.dim_channel (channel_code, name, channel_group)
        select code, replace(code, '_', ' '),
               case when code in ('in_store', 'walk_in', 'walkin', 'store') then 'walk_in'
                    when code like '%referral%' then 'referral'
                    when code in ('canvass', 'door_to_door', 'telemarketing', 'outbound', 'cold_call', 'phone') then 'outbound'
                    when code like '%organic%' or code in ('seo', 'website', 'web', 'online', 'social', 'email') then 'organic'
                    when code like '%ads%' or code like '%paid%' or code in ('ppc', 'display', 'tv', 'radio', 'print', 'direct_mail')
                         then 'paid'
                    else 'other' end
        from (select distinct e.payload->>'channel' as code
              from bronze.events e
              where e.status = 'pending' and e.event_id between {"{lo}"} and {"{hi}"}
                and e.entity in ('orders', 'leads', 'campaigns', 'marketing_spend')) as codes
        where code is not null and code not in (select channel_code from gold.dim_channel)
        on conflict (channel_code) do nothing
        """;

    public static IReadOnlyList<string> Statements { get; } =
    [
        Channels,
        $"""
        insert into gold.dim_location as t (location_id, name, address, city, region, postal_code, country, latitude, longitude,
                                           time_zone, is_active, updated_at)
        select location_id, name, address, city, region, postal_code, country, latitude, longitude, time_zone, is_active, updated_at
        from silver.locations where location_id in {Touched("locations")}
        on conflict (location_id) do update set name = excluded.name, address = excluded.address, city = excluded.city,
            region = excluded.region, postal_code = excluded.postal_code, country = excluded.country,
            latitude = excluded.latitude, longitude = excluded.longitude, time_zone = excluded.time_zone,
            is_active = excluded.is_active, updated_at = excluded.updated_at
        """,
        $"""
        insert into ns_touched (entity, id)
        select 'employees', employee_id from silver.employees where location_id in {Touched("locations")}
        union all
        select 'customers', customer_id from silver.customers where is_current and home_location_id in {Touched("locations")}
        """,
        $"""
        insert into gold.dim_employee as t (employee_id, name, email, role, location_key, is_active, hired_on, terminated_on, updated_at)
        select e.employee_id, e.name, e.email, e.role, coalesce(l.location_key, 0), e.is_active, e.hired_on, e.terminated_on, e.updated_at
        from silver.employees e
        left join gold.dim_location l on l.location_id = e.location_id
        where e.employee_id in {Touched("employees")}
        on conflict (employee_id) do update set name = excluded.name, email = excluded.email, role = excluded.role,
            location_key = excluded.location_key, is_active = excluded.is_active, hired_on = excluded.hired_on,
            terminated_on = excluded.terminated_on, updated_at = excluded.updated_at
        """,
        $"""
        insert into gold.dim_product as t (product_id, sku, name, category, subcategory, unit_price, unit_cost, is_active, updated_at)
        select product_id, sku, name, category, subcategory, unit_price, unit_cost, is_active, updated_at
        from silver.products where product_id in {Touched("products")}
        on conflict (product_id) do update set sku = excluded.sku, name = excluded.name, category = excluded.category,
            subcategory = excluded.subcategory, unit_price = excluded.unit_price, unit_cost = excluded.unit_cost,
            is_active = excluded.is_active, updated_at = excluded.updated_at
        """,
        $"""
        insert into gold.dim_campaign as t (campaign_id, name, channel_key, started_on, ended_on, budget, updated_at)
        select c.campaign_id, c.name, coalesce(ch.channel_key, 0), c.started_on, c.ended_on, c.budget, c.updated_at
        from silver.campaigns c
        left join gold.dim_channel ch on ch.channel_code = c.channel
        where c.campaign_id in {Touched("campaigns")}
        on conflict (campaign_id) do update set name = excluded.name, channel_key = excluded.channel_key,
            started_on = excluded.started_on, ended_on = excluded.ended_on, budget = excluded.budget,
            updated_at = excluded.updated_at
        """,
    ];
}
