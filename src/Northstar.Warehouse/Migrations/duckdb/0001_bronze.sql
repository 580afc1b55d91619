-- Schemas, and the bronze layer: what the sources sent, as received.
--
-- Conventions for every migration (both engines keep the same logical schema):
--   * money is numeric(18,2), instants timestamptz, business days date, strings text;
--   * surrogate keys are sequences here (DuckDB has no identity columns) and identity columns on PostgreSQL;
--   * silver and gold carry no foreign keys: loads arrive out of order (a line before its order) and converge
--     by updated_at, so referential gaps are transient and resolved by the loader, not refused by the engine;
--   * only primary keys and unique constraints are indexed: DuckDB scans columnar segments with min/max zone
--     maps, and every extra ART index slows bulk appends; PostgreSQL's migrations add the secondary indexes.

create schema if not exists bronze;
create schema if not exists silver;
create schema if not exists gold;
create schema if not exists predictions;
create schema if not exists app;

-- One row per event a source delivered (webhook, POS sync, CSV row, demo generator). Append-only: a
-- re-delivery carries the same idempotency_key and is refused by the unique constraint, so it is never
-- applied twice. status tracks the bronze -> silver step.
create sequence bronze.events_event_id_seq;
create table bronze.events (
    event_id         bigint primary key default nextval('bronze.events_event_id_seq'),
    source           text not null,
    entity           text not null,
    external_id      text not null,
    idempotency_key  text not null unique,
    received_at      timestamptz not null default now(),
    content_hash     text not null check (length(content_hash) = 64),
    payload          json not null,
    status           text not null default 'pending'
                     check (status in ('pending', 'processed', 'failed', 'skipped')),
    attempts         integer not null default 0 check (attempts >= 0),
    processed_at     timestamptz,
    error            text,
    check (status = 'pending' or processed_at is not null)
);

-- One row per imported file; the same content imported again is recognised by its hash.
create sequence bronze.file_imports_file_import_id_seq;
create table bronze.file_imports (
    file_import_id   bigint primary key default nextval('bronze.file_imports_file_import_id_seq'),
    source           text not null,
    entity           text not null,
    file_name        text not null,
    content_hash     text not null check (length(content_hash) = 64),
    row_count        bigint not null default 0 check (row_count >= 0),
    status           text not null default 'imported' check (status in ('imported', 'failed')),
    error            text,
    imported_at      timestamptz not null default now(),
    unique (entity, content_hash)
);
