-- On DuckDB this version stores the bulk path's staging rows uncompressed. PostgreSQL does not compress them (values
-- this small are stored inline) and the table is unlogged already (0006): nothing to change but its description.
comment on table bronze.event_staging is 'Rows of one bulk load, moved into bronze.events by the same load, then deleted.';
