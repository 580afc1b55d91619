-- What the ingest pipeline needs beyond bronze/silver/gold: a staging table for bulk acceptance and the
-- data-quality log of bronze events that could not be applied.

-- Bulk acceptance appends here (one load_id per load), then moves the rows into bronze.events with
-- "on conflict do nothing", so duplicates are recognised by the same unique key as on the single-event path.
-- Rows live only for the duration of one load.
create table bronze.event_staging (
    load_id          text not null,
    source           text not null,
    entity           text not null,
    external_id      text not null,
    idempotency_key  text not null,
    content_hash     text not null,
    payload          text not null
);

-- One row per bronze event the pipeline rejected (bad payload that got past acceptance, a reference it
-- refuses...). The bronze row is marked failed with the same reason.
create sequence app.data_quality_issue_id_seq;
create table app.data_quality (
    issue_id         bigint primary key default nextval('app.data_quality_issue_id_seq'),
    event_id         bigint not null,
    source           text not null,
    entity           text not null,
    external_id      text,
    reason           text not null,
    occurred_at      timestamptz not null default now()
);

-- When an order was refunded (the wire format's refunded_at): gold puts refund lines on that day.
alter table silver.orders add column refunded_at timestamptz;
