-- Gold: the star schema every query runs on.
--
-- Dimensions have surrogate keys and a member with key 0, "Unknown", so facts can always carry a key (NOT NULL
-- default 0) and inner joins never drop a fact whose customer, rep or campaign is not known (yet).
-- Facts carry location_key and employee_key where they apply: the row-level scope columns the compiler filters
-- on. date_key (yyyymmdd) and local_date/local_hour are in the location's time zone: the business day and hour.

create table gold.dim_date (
    date_key         integer primary key,
    full_date        date not null unique,
    year             smallint not null,
    quarter          smallint not null check (quarter between 1 and 4),
    month            smallint not null check (month between 1 and 12),
    month_name       text not null,
    month_short      text not null,
    day_of_month     smallint not null check (day_of_month between 1 and 31),
    day_of_year      smallint not null check (day_of_year between 1 and 366),
    day_of_week      smallint not null check (day_of_week between 1 and 7),
    day_name         text not null,
    day_short        text not null,
    iso_year         smallint not null,
    iso_week         smallint not null check (iso_week between 1 and 53),
    week_start       date not null,
    month_start      date not null,
    quarter_start    date not null,
    year_start       date not null,
    is_weekend       boolean not null
);

-- day_of_week is ISO: 1 = Monday .. 7 = Sunday; week_start is the ISO week's Monday.
insert into gold.dim_date
select cast(extract(year from d) * 10000 + extract(month from d) * 100 + extract(day from d) as integer),
       d,
       cast(extract(year from d) as smallint),
       cast(extract(quarter from d) as smallint),
       cast(extract(month from d) as smallint),
       monthname(d),
       strftime(d, '%b'),
       cast(extract(day from d) as smallint),
       cast(extract(doy from d) as smallint),
       cast(extract(isodow from d) as smallint),
       dayname(d),
       strftime(d, '%a'),
       cast(extract(isoyear from d) as smallint),
       cast(extract(week from d) as smallint),
       cast(date_trunc('week', d) as date),
       cast(date_trunc('month', d) as date),
       cast(date_trunc('quarter', d) as date),
       cast(date_trunc('year', d) as date),
       extract(isodow from d) in (6, 7)
from (select cast(g.day as date) as d
      from generate_series(timestamp '2015-01-01', timestamp '2035-12-31', interval '1 day') as g(day)) as days;

create sequence gold.dim_location_location_key_seq;
create table gold.dim_location (
    location_key     bigint primary key default nextval('gold.dim_location_location_key_seq'),
    location_id      text not null unique,
    name             text not null,
    address          text,
    city             text,
    region           text,
    postal_code      text,
    country          text,
    latitude         numeric(9,6) check (latitude between -90 and 90),
    longitude        numeric(9,6) check (longitude between -180 and 180),
    time_zone        text not null default 'UTC',
    is_active        boolean not null default true,
    updated_at       timestamptz not null default now()
);

create sequence gold.dim_employee_employee_key_seq;
create table gold.dim_employee (
    employee_key     bigint primary key default nextval('gold.dim_employee_employee_key_seq'),
    employee_id      text not null unique,
    name             text not null,
    email            text,
    role             text not null,
    location_key     bigint not null default 0,
    is_active        boolean not null default true,
    hired_on         date,
    terminated_on    date,
    updated_at       timestamptz not null default now()
);

-- SCD type 2, mirroring silver.customers: customer_key is the silver version's key, not generated here.
-- (PostgreSQL also enforces one current version per customer with a partial unique index; DuckDB has none.)
create table gold.dim_customer (
    customer_key     bigint primary key,
    customer_id      text not null,
    name             text,
    email            text,
    phone            text,
    city             text,
    region           text,
    postal_code      text,
    segment          text,
    home_location_key bigint not null default 0,
    first_seen_at    timestamptz,
    valid_from       timestamptz not null,
    valid_to         timestamptz not null default '9999-12-31 00:00:00+00',
    is_current       boolean not null default true,
    updated_at       timestamptz not null default now(),
    unique (customer_id, valid_from),
    check (valid_to > valid_from)
);

create sequence gold.dim_product_product_key_seq;
create table gold.dim_product (
    product_key      bigint primary key default nextval('gold.dim_product_product_key_seq'),
    product_id       text not null unique,
    sku              text,
    name             text not null,
    category         text not null,
    subcategory      text,
    unit_price       numeric(18,2),
    unit_cost        numeric(18,2),
    is_active        boolean not null default true,
    updated_at       timestamptz not null default now()
);

-- channel_group buckets channels for marketing reports: paid, organic, referral, outbound, walk_in, other.
create sequence gold.dim_channel_channel_key_seq;
create table gold.dim_channel (
    channel_key      bigint primary key default nextval('gold.dim_channel_channel_key_seq'),
    channel_code     text not null unique,
    name             text not null,
    channel_group    text not null default 'other'
                     check (channel_group in ('paid', 'organic', 'referral', 'outbound', 'walk_in', 'other')),
    updated_at       timestamptz not null default now()
);

create sequence gold.dim_campaign_campaign_key_seq;
create table gold.dim_campaign (
    campaign_key     bigint primary key default nextval('gold.dim_campaign_campaign_key_seq'),
    campaign_id      text not null unique,
    name             text not null,
    channel_key      bigint not null default 0,
    started_on       date,
    ended_on         date,
    budget           numeric(18,2),
    updated_at       timestamptz not null default now()
);

insert into gold.dim_location (location_key, location_id, name) values (0, 'unknown', 'Unknown');
insert into gold.dim_employee (employee_key, employee_id, name, role) values (0, 'unknown', 'Unknown', 'other');
insert into gold.dim_customer (customer_key, customer_id, name, valid_from)
    values (0, 'unknown', 'Unknown', '1900-01-01 00:00:00+00');
insert into gold.dim_product (product_key, product_id, name, category) values (0, 'unknown', 'Unknown', 'Unknown');
insert into gold.dim_channel (channel_key, channel_code, name) values (0, 'unknown', 'Unknown');
insert into gold.dim_campaign (campaign_key, campaign_id, name) values (0, 'unknown', 'Unknown');

-- Sales at line grain: one row per order line.
create table gold.fact_sales (
    order_line_id    text primary key,
    order_id         text not null,
    line_number      integer not null,
    date_key         integer not null,
    ordered_at       timestamptz not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    product_key      bigint not null default 0,
    channel_key      bigint not null default 0,
    quantity         numeric(18,3) not null,
    unit_price       numeric(18,2) not null,
    gross_amount     numeric(18,2) not null,
    discount_amount  numeric(18,2) not null default 0,
    net_amount       numeric(18,2) not null,
    tax_amount       numeric(18,2) not null default 0,
    cost_amount      numeric(18,2),
    refunded_amount  numeric(18,2) not null default 0,
    updated_at       timestamptz not null
);

-- Orders: one row per order; is_first_order tells new from returning customers.
create table gold.fact_orders (
    order_id         text primary key,
    date_key         integer not null,
    ordered_at       timestamptz not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    channel_key      bigint not null default 0,
    state            text not null,
    line_count       integer not null default 0 check (line_count >= 0),
    item_quantity    numeric(18,3) not null default 0,
    subtotal         numeric(18,2) not null default 0,
    discount         numeric(18,2) not null default 0,
    tax              numeric(18,2) not null default 0,
    tip              numeric(18,2) not null default 0,
    total            numeric(18,2) not null default 0,
    refunded_amount  numeric(18,2) not null default 0,
    net_amount       numeric(18,2) not null default 0,
    is_first_order   boolean not null default false,
    updated_at       timestamptz not null
);

create table gold.fact_leads (
    lead_id          text primary key,
    date_key         integer not null,
    created_at       timestamptz not null,
    local_date       date not null,
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    channel_key      bigint not null default 0,
    campaign_key     bigint not null default 0,
    status           text not null,
    is_converted     boolean not null default false,
    converted_at     timestamptz,
    updated_at       timestamptz not null
);

-- employee_key is the rep the appointment is assigned to; set_by_employee_key the setter who booked it.
create table gold.fact_appointments (
    appointment_id   text primary key,
    lead_id          text,
    date_key         integer not null,
    scheduled_at     timestamptz not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    set_by_employee_key bigint not null default 0,
    customer_key     bigint not null default 0,
    channel_key      bigint not null default 0,
    campaign_key     bigint not null default 0,
    outcome          text not null
                     check (outcome in ('set', 'confirmed', 'sat', 'no_show', 'sold', 'cancelled')),
    updated_at       timestamptz not null
);

-- date_key is the day the job was sold; production_days is filled once production completes.
create table gold.fact_jobs (
    job_id           text primary key,
    appointment_id   text,
    date_key         integer not null,
    sold_at          timestamptz not null,
    local_date       date not null,
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    sold_amount      numeric(18,2) not null,
    stage            text not null
                     check (stage in ('sold', 'scheduled', 'in_production', 'completed', 'cancelled')),
    production_started_at   timestamptz,
    production_completed_at timestamptz,
    production_days  integer check (production_days >= 0),
    updated_at       timestamptz not null
);

-- Commission credit per job and employee (share of the sold amount): rep leaderboards sum credited_amount
-- here rather than sold_amount in fact_jobs, which would count a split job once per rep.
create table gold.fact_job_commissions (
    job_id           text not null,
    employee_key     bigint not null,
    date_key         integer not null,
    local_date       date not null,
    location_key     bigint not null default 0,
    share            numeric(5,4) not null check (share > 0 and share <= 1),
    credited_amount  numeric(18,2) not null,
    updated_at       timestamptz not null,
    primary key (job_id, employee_key)
);

create table gold.fact_tickets (
    ticket_id        text primary key,
    date_key         integer not null,
    opened_at        timestamptz not null,
    local_date       date not null,
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    channel          text not null,
    priority         text not null,
    status           text not null,
    first_response_at timestamptz,
    resolved_at      timestamptz,
    first_response_seconds bigint check (first_response_seconds >= 0),
    resolution_seconds bigint check (resolution_seconds >= 0),
    satisfaction     smallint check (satisfaction between 1 and 5),
    updated_at       timestamptz not null
);

create table gold.fact_calls (
    call_id          text primary key,
    date_key         integer not null,
    started_at       timestamptz not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    customer_key     bigint not null default 0,
    direction        text not null,
    outcome          text not null,
    duration_seconds integer not null default 0 check (duration_seconds >= 0),
    updated_at       timestamptz not null
);

create table gold.fact_canvass (
    door_id          text primary key,
    date_key         integer not null,
    knocked_at       timestamptz not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    location_key     bigint not null default 0,
    employee_key     bigint not null default 0,
    outcome          text not null,
    latitude         numeric(9,6),
    longitude        numeric(9,6),
    updated_at       timestamptz not null
);

create table gold.fact_marketing_spend (
    spend_id         text primary key,
    date_key         integer not null,
    spend_date       date not null,
    location_key     bigint not null default 0,
    channel_key      bigint not null default 0,
    campaign_key     bigint not null default 0,
    amount           numeric(18,2) not null,
    impressions      bigint,
    clicks           bigint,
    updated_at       timestamptz not null
);

-- Server request log for the system-health dashboard: append-only, bulk loaded, no key of its own.
create table gold.fact_requests (
    requested_at     timestamptz not null,
    date_key         integer not null,
    node             text not null,
    method           text not null,
    route            text not null,
    status           smallint not null check (status between 100 and 599),
    duration_ms      double precision not null check (duration_ms >= 0)
);
