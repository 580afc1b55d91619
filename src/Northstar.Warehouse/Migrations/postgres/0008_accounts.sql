-- Accounts (issue 5): an API token has its own role and branches, never wider than its owner's when created and
-- re-checked against the owner's current role and branches on every use.
-- No default for role: nothing wrote app.api_tokens before this version, and a token must say its role.
alter table app.api_tokens
    add column role text not null check (role in ('super_admin', 'manager', 'staff', 'viewer'));

-- The branches a token is restricted to, by the location's natural id (as app.user_branches).
create table app.api_token_branches (
    api_token_id     bigint not null references app.api_tokens (api_token_id),
    location_id      text not null,
    primary key (api_token_id, location_id)
);
