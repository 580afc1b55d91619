-- Silver: typed, cleaned entities. Each row keeps where it came from (source, external_id) and the source's
-- updated_at, so a late, older delivery never overwrites a newer one (the loader upserts
-- "where excluded.updated_at >= current.updated_at"). loaded_at is when this row was last written.

create table silver.locations (
    location_id      text primary key,
    name             text not null,
    address          text,
    city             text,
    region           text,
    postal_code      text,
    country          text,
    latitude         numeric(9,6) check (latitude between -90 and 90),
    longitude        numeric(9,6) check (longitude between -180 and 180),
    time_zone        text not null default 'UTC',
    opened_on        date,
    closed_on        date,
    is_active        boolean not null default true,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.employees (
    employee_id      text primary key,
    name             text not null,
    email            text,
    role             text not null default 'other'
                     check (role in ('manager', 'sales_rep', 'setter', 'canvasser', 'call_agent', 'technician',
                                     'cashier', 'support', 'marketing', 'other')),
    location_id      text,
    hired_on         date,
    terminated_on    date,
    is_active        boolean not null default true,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

-- Customers as SCD type 2: a new version (new customer_key) whenever a tracked attribute changes; the current
-- version has is_current and valid_to = 9999-12-31. Facts point at the version valid when they happened.
-- (PostgreSQL also enforces one current version per customer with a partial unique index; DuckDB has none.)
create sequence silver.customers_customer_key_seq;
create table silver.customers (
    customer_key     bigint primary key default nextval('silver.customers_customer_key_seq'),
    customer_id      text not null,
    name             text,
    email            text,
    phone            text,
    city             text,
    region           text,
    postal_code      text,
    segment          text,
    home_location_id text,
    first_seen_at    timestamptz,
    valid_from       timestamptz not null,
    valid_to         timestamptz not null default '9999-12-31 00:00:00+00',
    is_current       boolean not null default true,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (customer_id, valid_from),
    check (valid_to > valid_from)
);

create table silver.products (
    product_id       text primary key,
    sku              text,
    name             text not null,
    category         text not null default 'Uncategorized',
    subcategory      text,
    unit_price       numeric(18,2) check (unit_price >= 0),
    unit_cost        numeric(18,2) check (unit_cost >= 0),
    is_active        boolean not null default true,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.campaigns (
    campaign_id      text primary key,
    name             text not null,
    channel          text not null,
    started_on       date,
    ended_on         date,
    budget           numeric(18,2) check (budget >= 0),
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id),
    check (ended_on is null or started_on is null or ended_on >= started_on)
);

create table silver.orders (
    order_id         text primary key,
    customer_id      text,
    location_id      text not null,
    employee_id      text,
    channel          text not null default 'in_store',
    state            text not null
                     check (state in ('open', 'paid', 'fulfilled', 'cancelled', 'refunded', 'partially_refunded')),
    subtotal         numeric(18,2) not null default 0 check (subtotal >= 0),
    discount         numeric(18,2) not null default 0 check (discount >= 0),
    tax              numeric(18,2) not null default 0 check (tax >= 0),
    tip              numeric(18,2) not null default 0 check (tip >= 0),
    total            numeric(18,2) not null default 0 check (total >= 0),
    refunded_amount  numeric(18,2) not null default 0 check (refunded_amount >= 0),
    currency         text not null default 'USD' check (length(currency) = 3),
    ordered_at       timestamptz not null,
    closed_at        timestamptz,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.order_lines (
    order_line_id    text primary key,
    order_id         text not null,
    line_number      integer not null check (line_number > 0),
    product_id       text,
    quantity         numeric(18,3) not null,
    unit_price       numeric(18,2) not null,
    discount         numeric(18,2) not null default 0 check (discount >= 0),
    tax              numeric(18,2) not null default 0 check (tax >= 0),
    line_total       numeric(18,2) not null,
    refunded_amount  numeric(18,2) not null default 0 check (refunded_amount >= 0),
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id),
    unique (order_id, line_number)
);

create table silver.leads (
    lead_id          text primary key,
    customer_id      text,
    location_id      text,
    assigned_employee_id text,
    channel          text not null,
    campaign_id      text,
    status           text not null default 'new'
                     check (status in ('new', 'contacted', 'qualified', 'appointment_set', 'won', 'lost')),
    created_at       timestamptz not null,
    converted_at     timestamptz,
    lost_reason      text,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.appointments (
    appointment_id   text primary key,
    lead_id          text,
    customer_id      text,
    location_id      text,
    set_by_employee_id   text,
    assigned_employee_id text,
    scheduled_at     timestamptz not null,
    outcome          text not null default 'set'
                     check (outcome in ('set', 'confirmed', 'sat', 'no_show', 'sold', 'cancelled')),
    outcome_at       timestamptz,
    created_at       timestamptz not null,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.jobs (
    job_id           text primary key,
    appointment_id   text,
    customer_id      text,
    location_id      text,
    sold_by_employee_id text,
    sold_amount      numeric(18,2) not null check (sold_amount >= 0),
    sold_at          timestamptz not null,
    stage            text not null default 'sold'
                     check (stage in ('sold', 'scheduled', 'in_production', 'completed', 'cancelled')),
    production_started_at   timestamptz,
    production_completed_at timestamptz,
    cancelled_at     timestamptz,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id),
    check (production_completed_at is null or production_started_at is null
           or production_completed_at >= production_started_at)
);

-- Who shares the commission of a sold job, and how much; the shares of one job add up to 1.
create table silver.job_commission_splits (
    job_id           text not null,
    employee_id      text not null,
    share            numeric(5,4) not null check (share > 0 and share <= 1),
    source           text not null,
    external_id      text,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    primary key (job_id, employee_id)
);

create table silver.tickets (
    ticket_id        text primary key,
    customer_id      text,
    location_id      text,
    assigned_employee_id text,
    channel          text not null default 'email',
    priority         text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    status           text not null default 'open' check (status in ('open', 'pending', 'resolved', 'closed')),
    opened_at        timestamptz not null,
    first_response_at timestamptz,
    resolved_at      timestamptz,
    satisfaction     smallint check (satisfaction between 1 and 5),
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id),
    check (resolved_at is null or resolved_at >= opened_at)
);

create table silver.calls (
    call_id          text primary key,
    agent_employee_id text,
    location_id      text,
    customer_id      text,
    lead_id          text,
    direction        text not null default 'inbound' check (direction in ('inbound', 'outbound')),
    started_at       timestamptz not null,
    duration_seconds integer not null default 0 check (duration_seconds >= 0),
    outcome          text not null
                     check (outcome in ('answered', 'missed', 'voicemail', 'no_answer', 'appointment_set', 'sale', 'other')),
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

create table silver.canvass_doors (
    door_id          text primary key,
    rep_employee_id  text,
    location_id      text,
    knocked_at       timestamptz not null,
    address          text,
    latitude         numeric(9,6) check (latitude between -90 and 90),
    longitude        numeric(9,6) check (longitude between -180 and 180),
    outcome          text not null
                     check (outcome in ('not_home', 'not_interested', 'callback', 'lead', 'appointment_set', 'sale')),
    lead_id          text,
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);

-- Spend per day, channel and campaign (and branch, when the source splits it that way).
create table silver.marketing_spend (
    spend_id         text primary key,
    spend_date       date not null,
    channel          text not null,
    campaign_id      text,
    location_id      text,
    amount           numeric(18,2) not null check (amount >= 0),
    impressions      bigint check (impressions >= 0),
    clicks           bigint check (clicks >= 0),
    source           text not null,
    external_id      text not null,
    updated_at       timestamptz not null,
    loaded_at        timestamptz not null default now(),
    unique (source, external_id)
);
