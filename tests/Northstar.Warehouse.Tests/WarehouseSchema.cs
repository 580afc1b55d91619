namespace Northstar.Warehouse.Tests;

/// <summary>The schemas and tables the migrations must create on both engines.</summary>
public static class WarehouseSchema
{
    public static readonly string[] Schemas = ["bronze", "silver", "gold", "predictions", "app"];

    /// <summary>Every migration version shipped, in order, the same on both engines.</summary>
    public static readonly string[] Versions = ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012"];

    public static readonly string[] Tables =
    [
        "bronze.events", "bronze.file_imports", "bronze.event_staging",
        "silver.customers", "silver.customer_numbers", "silver.products", "silver.locations", "silver.employees", "silver.campaigns",
        "silver.orders", "silver.order_lines", "silver.leads", "silver.appointments", "silver.jobs",
        "silver.job_commission_splits", "silver.tickets", "silver.calls", "silver.canvass_doors", "silver.marketing_spend",
        "gold.dim_date", "gold.dim_customer", "gold.dim_product", "gold.dim_location", "gold.dim_employee",
        "gold.dim_channel", "gold.dim_campaign",
        "gold.fact_sales", "gold.fact_orders", "gold.fact_leads", "gold.fact_appointments", "gold.fact_jobs",
        "gold.fact_job_commissions", "gold.fact_tickets", "gold.fact_calls", "gold.fact_canvass",
        "gold.fact_marketing_spend", "gold.fact_requests", "gold.fact_live_samples",
        "predictions.churn", "predictions.ltv", "predictions.demand_forecast",
        "app.schema_migrations", "app.users", "app.user_branches", "app.sessions", "app.api_tokens", "app.api_token_branches", "app.dashboards",
        "app.reports", "app.schedules", "app.alert_rules", "app.deliveries", "app.audit", "app.data_versions",
        "app.data_quality", "app.sync_state",
    ];

    public const string ColumnsSql = """
        select table_schema || '.' || table_name || '.' || column_name
        from information_schema.columns
        where table_schema in ('bronze', 'silver', 'gold', 'predictions', 'app')
        order by table_schema, table_name, ordinal_position
        """;

    public const string TablesSql = """
        select table_schema || '.' || table_name from information_schema.tables
        where table_schema in ('bronze', 'silver', 'gold', 'predictions', 'app')
        """;
}
