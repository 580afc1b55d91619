-- The server's own telemetry (docs/telemetry.md), bulk loaded by every node every few seconds.
--
-- gold.fact_requests gets the business-local date and hour of each request, in the company's time zone (computed at
-- load, like every other fact's local date): the model's time dimensions need them. Nullable because DuckDB cannot add
-- a column with a constraint; the telemetry writer always writes both.
alter table gold.fact_requests add column local_date date;
alter table gold.fact_requests add column local_hour smallint;
create index fact_requests_local_date_idx on gold.fact_requests (local_date);

-- The live (SignalR / server-sent events) connections open on each node, sampled once a minute: one row per node per
-- minute, sampled_at truncated to the minute; date_key (yyyymmdd), local_date and local_hour in the company's time zone.
create table gold.fact_live_samples (
    sampled_at       timestamptz not null,
    date_key         integer not null,
    local_date       date not null,
    local_hour       smallint not null check (local_hour between 0 and 23),
    node             text not null,
    connections      integer not null check (connections >= 0)
);
create index fact_live_samples_sampled_at_idx on gold.fact_live_samples (sampled_at);
create index fact_live_samples_local_date_idx on gold.fact_live_samples (local_date);
