-- Accounts (issue 5): an API token has its own role and branches, never wider than its owner's when created and
-- re-checked against the owner's current role and branches on every use.
-- DuckDB cannot add a column with a check constraint, so app.api_tokens is created anew (role last, as PostgreSQL's
-- added column); nothing wrote it before this version.
drop table app.api_tokens;
create table app.api_tokens (
    api_token_id     bigint primary key default nextval('app.api_tokens_api_token_id_seq'),
    user_id          bigint not null,
    name             text not null,
    token_hash       text not null unique check (length(token_hash) = 64),
    prefix           text not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz,
    last_used_at     timestamptz,
    revoked_at       timestamptz,
    role             text not null check (role in ('super_admin', 'manager', 'staff', 'viewer'))
);

-- The branches a token is restricted to, by the location's natural id (as app.user_branches).
create table app.api_token_branches (
    api_token_id     bigint not null,
    location_id      text not null,
    primary key (api_token_id, location_id)
);
