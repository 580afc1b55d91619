namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>
/// One hand-written SQL per metric of the shipped model, written from the metric's meaning (docs/semantic-model.md)
/// and the gold schema, not from the compiler: the number the API must give for the local dates [$1, $2]. Each text
/// runs unchanged on DuckDB and PostgreSQL; <c>{branch}</c> is where a test adds a condition on the branch name
/// (<c>l.name</c>, every fact is joined to its branch as <c>l</c>), or nothing.
/// </summary>
public static class MetricChecks
{
    private const string Branch = "join gold.dim_location l on l.location_key = f.location_key";
    private const string Customer = "join gold.dim_customer c on c.customer_key = f.customer_key";
    private const string Dates = "where f.local_date between $1 and $2 {branch}";

    private const string Sales = $"from gold.fact_sales f {Branch} {Dates}";
    private const string SalesByCustomer = $"from gold.fact_sales f {Branch} {Customer} {Dates}";
    private const string Orders = $"from gold.fact_orders f {Branch} {Dates}";
    private const string OrdersByCustomer = $"from gold.fact_orders f {Branch} {Customer} {Dates}";
    private const string Leads = $"from gold.fact_leads f {Branch} {Dates}";
    private const string Appointments = $"from gold.fact_appointments f {Branch} {Dates}";
    private const string Jobs = $"from gold.fact_jobs f {Branch} {Dates}";
    private const string Commissions = $"from gold.fact_job_commissions f {Branch} {Dates}";
    private const string Tickets = $"from gold.fact_tickets f {Branch} {Dates}";
    private const string Calls = $"from gold.fact_calls f {Branch} {Dates}";
    private const string Doors = $"from gold.fact_canvass f {Branch} {Dates}";
    private const string Spend = $"from gold.fact_marketing_spend f {Branch} where f.spend_date between $1 and $2 {{branch}}";

    // Sold lines have a total >= 0, refund lines a negative one.
    private const string SoldLine = "f.net_amount >= 0";
    private const string RefundLine = "f.net_amount < 0";
    private const string Known = "c.customer_id <> 'unknown'";
    private const string NotCancelledJob = "f.stage <> 'cancelled'";

    private const string TotalSpend = $"(select coalesce(sum(f.amount), 0) {Spend})";
    private const string SoldRevenue = $"(select coalesce(sum(f.sold_amount), 0) {Jobs} and {NotCancelledJob})";

    /// <summary>Every check, by metric name.</summary>
    public static IReadOnlyDictionary<string, MetricCheck> All { get; } = new MetricCheck[]
    {
        // sales: gold.fact_sales, line grain, refund lines dated on the refund day
        new("revenue", $"select coalesce(sum(f.net_amount), 0) {Sales}", Precision.Exact),
        new("gross_sales", $"select coalesce(sum(f.quantity * f.unit_price), 0) {Sales} and {SoldLine}", Precision.Exact),
        new("discounts", $"select coalesce(sum(f.discount_amount), 0) {Sales}", Precision.Exact),
        new("refund_adjustments", $"select coalesce(sum(f.net_amount), 0) {Sales} and {RefundLine}", Precision.Exact),
        new("refunds", $"select coalesce(sum(-f.net_amount), 0) {Sales} and {RefundLine}", Precision.Exact),
        new("refund_rate", $"""
            select cast(sum(case when {RefundLine} then -f.net_amount else 0 end) as numeric)
                   / nullif(sum(case when {SoldLine} then f.net_amount else 0 end), 0)
            {Sales}
            """, Precision.Relative),
        new("orders", $"select count(distinct f.order_id) {Sales} and {SoldLine}", Precision.Exact),
        new("refunded_orders", $"select count(distinct f.order_id) {Sales} and {RefundLine}", Precision.Exact),
        new("aov", $"""
            select cast(sum(f.net_amount) as numeric) / nullif(count(distinct case when {SoldLine} then f.order_id end), 0)
            {Sales}
            """, Precision.Relative),
        new("units", $"select coalesce(sum(f.quantity), 0) {Sales}", Precision.Exact),
        new("customers", $"select count(distinct c.customer_id) {SalesByCustomer} and {SoldLine} and {Known}", Precision.Exact),
        new("cost_of_goods", $"select coalesce(sum(f.cost_amount), 0) {Sales}", Precision.Exact),
        new("gross_profit", $"select coalesce(sum(f.net_amount), 0) - coalesce(sum(f.cost_amount), 0) {Sales}", Precision.Exact),
        new("gross_margin", $"""
            select cast(sum(f.net_amount) - coalesce(sum(f.cost_amount), 0) as numeric) / nullif(sum(f.net_amount), 0)
            {Sales}
            """, Precision.Relative),

        // orders: gold.fact_orders, one row per order, cancelled ones included
        new("placed_orders", $"select count(*) {Orders}", Precision.Exact),
        new("cancelled_orders", $"select count(*) {Orders} and f.state = 'cancelled'", Precision.Exact),
        new("tips", $"select coalesce(sum(f.tip), 0) {Orders} and f.state <> 'cancelled'", Precision.Exact),
        new("tax_collected", $"select coalesce(sum(f.tax), 0) {Orders} and f.state <> 'cancelled'", Precision.Exact),
        new("new_customer_orders", $"select count(*) {OrdersByCustomer} and f.is_first_order and {Known}", Precision.Exact),
        new("returning_customer_orders",
            $"select count(*) {OrdersByCustomer} and not f.is_first_order and f.state <> 'cancelled' and {Known}", Precision.Exact),
        new("walk_in_orders", $"select count(*) {Orders} and f.customer_key = 0 and f.state <> 'cancelled'", Precision.Exact),
        new("new_customers", $"select count(distinct c.customer_id) {OrdersByCustomer} and f.is_first_order and {Known}", Precision.Exact),
        new("returning_customers",
            $"select count(distinct c.customer_id) {OrdersByCustomer} and not f.is_first_order and f.state <> 'cancelled' and {Known}",
            Precision.Exact),
        new("new_customer_share", $"""
            select cast(count(case when f.is_first_order then 1 end) as numeric) / nullif(count(*), 0)
            {OrdersByCustomer} and f.state <> 'cancelled' and {Known}
            """, Precision.Relative),

        // leads: gold.fact_leads, by the day they came in
        new("leads", $"select count(*) {Leads}", Precision.Exact),
        new("converted_leads", $"select count(*) {Leads} and f.is_converted", Precision.Exact),
        new("lost_leads", $"select count(*) {Leads} and f.status = 'lost'", Precision.Exact),
        new("lead_conversion_rate",
            $"select cast(count(case when f.is_converted then 1 end) as numeric) / nullif(count(*), 0) {Leads}", Precision.Relative),

        // appointments: gold.fact_appointments, by the day they are scheduled for
        new("appointments_set", $"select count(*) {Appointments}", Precision.Exact),
        new("appointments_due", $"select count(*) {Appointments} and f.outcome in ('sat', 'sold', 'no_show')", Precision.Exact),
        new("appointments_sat", $"select count(*) {Appointments} and f.outcome in ('sat', 'sold')", Precision.Exact),
        new("appointments_sold", $"select count(*) {Appointments} and f.outcome = 'sold'", Precision.Exact),
        new("no_shows", $"select count(*) {Appointments} and f.outcome = 'no_show'", Precision.Exact),
        new("open_appointments", $"select count(*) {Appointments} and f.outcome in ('set', 'confirmed')", Precision.Exact),
        new("cancelled_appointments", $"select count(*) {Appointments} and f.outcome = 'cancelled'", Precision.Exact),
        new("no_show_rate", $"""
            select cast(count(case when f.outcome = 'no_show' then 1 end) as numeric) / nullif(count(*), 0)
            {Appointments} and f.outcome in ('sat', 'sold', 'no_show')
            """, Precision.Relative),
        new("sit_rate", $"""
            select cast(count(case when f.outcome in ('sat', 'sold') then 1 end) as numeric) / nullif(count(*), 0)
            {Appointments} and f.outcome in ('sat', 'sold', 'no_show')
            """, Precision.Relative),
        new("close_rate", $"""
            select cast(count(case when f.outcome = 'sold' then 1 end) as numeric) / nullif(count(*), 0)
            {Appointments} and f.outcome in ('sat', 'sold')
            """, Precision.Relative),

        // jobs: gold.fact_jobs, by the day sold, stage as of the last load
        new("jobs_sold", $"select count(*) {Jobs} and {NotCancelledJob}", Precision.Exact),
        new("sold_revenue", $"select coalesce(sum(f.sold_amount), 0) {Jobs} and {NotCancelledJob}", Precision.Exact),
        new("average_job_size", $"select avg(f.sold_amount) {Jobs} and {NotCancelledJob}", Precision.Relative),
        new("pipeline_value",
            $"select coalesce(sum(f.sold_amount), 0) {Jobs} and f.stage in ('sold', 'scheduled', 'in_production')", Precision.Exact),
        new("jobs_outstanding", $"select count(*) {Jobs} and f.stage in ('sold', 'scheduled', 'in_production')", Precision.Exact),
        new("jobs_in_progress", $"select count(*) {Jobs} and f.stage = 'in_production'", Precision.Exact),
        new("jobs_completed", $"select count(*) {Jobs} and f.stage = 'completed'", Precision.Exact),
        new("jobs_cancelled", $"select count(*) {Jobs} and f.stage = 'cancelled'", Precision.Exact),
        new("all_jobs", $"select count(*) {Jobs}", Precision.Exact),
        new("completion_rate",
            $"select cast(count(case when f.stage = 'completed' then 1 end) as numeric) / nullif(count(*), 0) {Jobs}", Precision.Relative),
        new("cancellation_rate",
            $"select cast(count(case when f.stage = 'cancelled' then 1 end) as numeric) / nullif(count(*), 0) {Jobs}", Precision.Relative),
        new("production_days", $"select avg(f.production_days) {Jobs} and f.stage = 'completed'", Precision.Relative),

        // commissions: gold.fact_job_commissions, one row per job and credited employee
        new("credited_revenue", $"select coalesce(sum(f.credited_amount), 0) {Commissions}", Precision.Exact),
        new("credited_jobs", $"select count(distinct f.job_id) {Commissions}", Precision.Exact),

        // tickets: gold.fact_tickets, by the day opened
        new("tickets", $"select count(*) {Tickets}", Precision.Exact),
        new("open_tickets", $"select count(*) {Tickets} and f.status in ('open', 'pending')", Precision.Exact),
        new("resolved_tickets", $"select count(*) {Tickets} and f.status in ('resolved', 'closed')", Precision.Exact),
        new("resolution_time", $"select avg(f.resolution_seconds) {Tickets}", Precision.Relative),
        new("first_response_time", $"select avg(f.first_response_seconds) {Tickets}", Precision.Relative),
        new("satisfaction", $"select avg(f.satisfaction) {Tickets}", Precision.Relative),
        new("rated_tickets", $"select count(*) {Tickets} and f.satisfaction is not null", Precision.Exact),
        new("resolution_rate", $"""
            select cast(count(case when f.status in ('resolved', 'closed') then 1 end) as numeric) / nullif(count(*), 0)
            {Tickets}
            """, Precision.Relative),

        // calls: gold.fact_calls, by the day they started
        new("calls", $"select count(*) {Calls}", Precision.Exact),
        new("calls_answered", $"select count(*) {Calls} and f.outcome in ('answered', 'appointment_set', 'sale')", Precision.Exact),
        new("call_appointments_set", $"select count(*) {Calls} and f.outcome = 'appointment_set'", Precision.Exact),
        new("appointments_per_call", $"""
            select cast(count(case when f.outcome = 'appointment_set' then 1 end) as numeric) / nullif(count(*), 0)
            {Calls}
            """, Precision.Relative),
        new("talk_time", $"select coalesce(sum(f.duration_seconds), 0) {Calls}", Precision.Exact),
        new("average_call_duration", $"select avg(f.duration_seconds) {Calls}", Precision.Relative),

        // canvass: gold.fact_canvass, one row per door knocked
        new("doors", $"select count(*) {Doors}", Precision.Exact),
        new("doors_answered", $"select count(*) {Doors} and f.outcome <> 'not_home'", Precision.Exact),
        new("canvass_leads", $"select count(*) {Doors} and f.outcome in ('lead', 'appointment_set', 'sale')", Precision.Exact),
        new("canvass_appointments_set", $"select count(*) {Doors} and f.outcome = 'appointment_set'", Precision.Exact),
        new("leads_per_door", $"""
            select cast(count(case when f.outcome in ('lead', 'appointment_set', 'sale') then 1 end) as numeric) / nullif(count(*), 0)
            {Doors}
            """, Precision.Relative),

        // marketing: gold.fact_marketing_spend, by spend date
        new("marketing_spend", $"select coalesce(sum(f.amount), 0) {Spend}", Precision.Exact),
        new("impressions", $"select coalesce(sum(f.impressions), 0) {Spend}", Precision.Exact),
        new("clicks", $"select coalesce(sum(f.clicks), 0) {Spend}", Precision.Exact),
        new("click_through_rate", $"select cast(sum(f.clicks) as numeric) / nullif(sum(f.impressions), 0) {Spend}", Precision.Relative),

        // cross-subject: each subject over the same dates and branches, then the ratio
        new("cost_per_lead", $"select cast({TotalSpend} as numeric) / nullif((select count(*) {Leads}), 0)", Precision.Relative),
        new("cost_per_appointment",
            $"select cast({TotalSpend} as numeric) / nullif((select count(*) {Appointments}), 0)", Precision.Relative),
        new("customer_acquisition_cost",
            $"select cast({TotalSpend} as numeric) / nullif((select count(*) {Jobs} and {NotCancelledJob}), 0)", Precision.Relative),
        new("weighted_pipeline", $"""
            select cast((select count(*) {Appointments} and f.outcome in ('set', 'confirmed'))
                        * (select count(*) {Appointments} and f.outcome = 'sold')
                        * {SoldRevenue} as numeric)
                   / nullif((select count(*) {Appointments} and f.outcome in ('sat', 'sold'))
                            * (select count(*) {Jobs} and {NotCancelledJob}), 0)
            """, Precision.Relative),
        new("marketing_roi",
            $"select cast({SoldRevenue} - {TotalSpend} as numeric) / nullif({TotalSpend}, 0)", Precision.Relative),
    }.ToDictionary(check => check.Metric, StringComparer.Ordinal);

    /// <summary>The metric names, for <c>MemberData</c>: each metric is a test case of its own.</summary>
    public static TheoryData<string> Metrics
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var metric in All.Keys.Order(StringComparer.Ordinal))
                data.Add(metric);
            return data;
        }
    }
}
