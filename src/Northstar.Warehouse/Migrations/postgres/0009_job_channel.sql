-- A sold job's marketing channel: the channel of the lead its appointment came from (0, Unknown, when the job has no
-- appointment or its lead has not arrived yet; the job is re-derived when it does). Marketing ROI and cost per job sold
-- by channel need it. No NOT NULL here: DuckDB cannot add a column with a constraint; the load always writes a key.
alter table gold.fact_jobs add column channel_key bigint default 0;
