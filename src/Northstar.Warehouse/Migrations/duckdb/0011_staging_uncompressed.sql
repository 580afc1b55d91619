-- The bulk path's staging rows live for one load: appended, moved into bronze.events, deleted. DuckDB compressed them
-- as they were written (FSST on the payloads and keys), work thrown away a moment later: writing 320,000 payloads took
-- twice as long compressed as uncompressed. Stored uncompressed instead; bronze.events keeps its compression. Rows a
-- crash left here were never acknowledged (the move into bronze.events commits before the answer): nothing is lost.
drop table bronze.event_staging;
create table bronze.event_staging (
    load_id          text not null using compression uncompressed,
    source           text not null using compression uncompressed,
    entity           text not null using compression uncompressed,
    external_id      text not null using compression uncompressed,
    idempotency_key  text not null using compression uncompressed,
    content_hash     text not null using compression uncompressed,
    payload          text not null using compression uncompressed
);
