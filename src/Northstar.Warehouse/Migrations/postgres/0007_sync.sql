-- Where each pull connector (the Square-format POS sync, ...) got to: the updated_at of the last record it had
-- durably accepted. The next run asks the source for records updated since then.
create table app.sync_state (
    connector        text primary key,
    watermark        timestamptz not null,
    updated_at       timestamptz not null default now()
);
