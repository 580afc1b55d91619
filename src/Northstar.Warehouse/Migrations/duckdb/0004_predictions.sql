-- Predictions: model outputs, each run kept whole (model_version + computed_at) so a forecast can be compared
-- with what happened. location_key is the row-level scope column, as on the facts.

create table predictions.churn (
    customer_id      text not null,
    location_key     bigint not null default 0,
    model_version    text not null,
    computed_at      timestamptz not null,
    probability      double precision not null check (probability between 0 and 1),
    risk_band        text not null check (risk_band in ('low', 'medium', 'high')),
    primary key (model_version, computed_at, customer_id)
);

create table predictions.ltv (
    customer_id      text not null,
    location_key     bigint not null default 0,
    model_version    text not null,
    computed_at      timestamptz not null,
    horizon_days     integer not null check (horizon_days > 0),
    predicted_value  numeric(18,2) not null,
    primary key (model_version, computed_at, customer_id)
);

-- product_key 0 is the forecast for the whole branch.
create table predictions.demand_forecast (
    location_key     bigint not null default 0,
    product_key      bigint not null default 0,
    forecast_date    date not null,
    date_key         integer not null,
    model_version    text not null,
    computed_at      timestamptz not null,
    predicted_quantity numeric(18,3),
    predicted_revenue  numeric(18,2),
    lower_bound      numeric(18,2),
    upper_bound      numeric(18,2),
    primary key (model_version, computed_at, location_key, product_key, forecast_date),
    check (lower_bound is null or upper_bound is null or lower_bound <= upper_bound)
);
