-- App metadata: users and their scope, sessions and API tokens, saved dashboards and reports, schedules,
-- alerts, deliveries, the audit log, and the data version per subject (part of every cache key).
-- Secrets are stored only as SHA-256 hashes (hex). Children are deleted explicitly by the app (no cascades),
-- the same on both engines. PostgreSQL declares the foreign keys; DuckDB does not, because its foreign keys
-- refuse any change to an indexed column (a user's email) of a referenced row.

create sequence app.users_user_id_seq;
create table app.users (
    user_id          bigint primary key default nextval('app.users_user_id_seq'),
    email            text not null unique check (email = lower(email)),
    display_name     text not null,
    role             text not null check (role in ('super_admin', 'manager', 'staff', 'viewer')),
    employee_id      text,
    password_hash    text,
    is_active        boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    last_login_at    timestamptz
);

-- The branches a manager (or staff member) may see, by the location's natural id.
create table app.user_branches (
    user_id          bigint not null,
    location_id      text not null,
    primary key (user_id, location_id)
);

create table app.sessions (
    session_hash     text primary key check (length(session_hash) = 64),
    user_id          bigint not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    last_seen_at     timestamptz not null default now(),
    revoked_at       timestamptz,
    ip_address       text,
    user_agent       text
);

-- prefix is the token's first characters, shown so a user can tell tokens apart; the token is never stored.
create sequence app.api_tokens_api_token_id_seq;
create table app.api_tokens (
    api_token_id     bigint primary key default nextval('app.api_tokens_api_token_id_seq'),
    user_id          bigint not null,
    name             text not null,
    token_hash       text not null unique check (length(token_hash) = 64),
    prefix           text not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz,
    last_used_at     timestamptz,
    revoked_at       timestamptz
);

-- definition holds the layout and widgets (each widget a query spec); version guards concurrent edits.
create sequence app.dashboards_dashboard_id_seq;
create table app.dashboards (
    dashboard_id     bigint primary key default nextval('app.dashboards_dashboard_id_seq'),
    slug             text not null unique,
    title            text not null,
    description      text,
    owner_user_id    bigint,
    definition       json not null,
    is_shared        boolean not null default false,
    version          integer not null default 1 check (version > 0),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create sequence app.reports_report_id_seq;
create table app.reports (
    report_id        bigint primary key default nextval('app.reports_report_id_seq'),
    title            text not null,
    description      text,
    owner_user_id    bigint,
    spec             json not null,
    is_shared        boolean not null default false,
    version          integer not null default 1 check (version > 0),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

-- A schedule sends one dashboard or one report, as a file, to its recipients, on a cron in a time zone.
create sequence app.schedules_schedule_id_seq;
create table app.schedules (
    schedule_id      bigint primary key default nextval('app.schedules_schedule_id_seq'),
    name             text not null,
    owner_user_id    bigint not null,
    dashboard_id     bigint,
    report_id        bigint,
    cron             text not null,
    time_zone        text not null default 'UTC',
    format           text not null check (format in ('pdf', 'csv', 'xlsx', 'png', 'html')),
    recipients       json not null,
    is_enabled       boolean not null default true,
    next_run_at      timestamptz,
    last_run_at      timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check ((dashboard_id is null) <> (report_id is null))
);

-- spec is the query spec of the watched metric; condition and threshold say when it fires.
create sequence app.alert_rules_alert_rule_id_seq;
create table app.alert_rules (
    alert_rule_id    bigint primary key default nextval('app.alert_rules_alert_rule_id_seq'),
    name             text not null,
    owner_user_id    bigint not null,
    spec             json not null,
    condition        text not null check (condition in ('above', 'below', 'change_above', 'change_below', 'anomaly')),
    threshold        numeric(18,4),
    evaluation_interval_seconds integer not null default 300 check (evaluation_interval_seconds > 0),
    recipients       json not null,
    is_enabled       boolean not null default true,
    state            text not null default 'ok' check (state in ('ok', 'triggered', 'error')),
    last_evaluated_at timestamptz,
    last_triggered_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (condition = 'anomaly' or threshold is not null)
);

-- One row per message sent (or tried) for a schedule run or a fired alert.
create sequence app.deliveries_delivery_id_seq;
create table app.deliveries (
    delivery_id      bigint primary key default nextval('app.deliveries_delivery_id_seq'),
    schedule_id      bigint,
    alert_rule_id    bigint,
    channel          text not null check (channel in ('email', 'webhook', 'slack')),
    recipient        text not null,
    status           text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts         integer not null default 0 check (attempts >= 0),
    error            text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz,
    check ((schedule_id is null) <> (alert_rule_id is null))
);

-- Logins, exports, permission changes, admin actions. actor is the user's email at the time, kept even if
-- the user is later renamed or removed. Append-only by contract: DuckDB has no triggers to enforce it as
-- PostgreSQL does, so the app only ever inserts here.
create sequence app.audit_audit_id_seq;
create table app.audit (
    audit_id         bigint primary key default nextval('app.audit_audit_id_seq'),
    occurred_at      timestamptz not null default now(),
    user_id          bigint,
    actor            text,
    action           text not null,
    target_type      text,
    target_id        text,
    ip_address       text,
    details          json
);

-- Bumped by every load that changes a subject; cached answers carry the version they were computed at.
create table app.data_versions (
    subject          text primary key,
    version          bigint not null default 0 check (version >= 0),
    updated_at       timestamptz not null default now()
);
