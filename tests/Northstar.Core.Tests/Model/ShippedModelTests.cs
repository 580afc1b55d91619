using Northstar.Core.Model;
using Northstar.Core.Rollups;
using Northstar.Core.Model.Loading;

namespace Northstar.Core.Tests.ModelLoading;

public class ShippedModelTests
{
    private static SemanticModel Model => RepositoryModel.Model;

    [Fact]
    public void The_shipped_model_parses_and_validates()
    {
        Assert.Equal("America/Chicago", Model.CompanyTimeZone);
        Assert.Equal(
            ["appointments", "calls", "canvass", "commissions", "jobs", "leads", "live_connections", "marketing", "orders", "sales",
             "technology", "tickets"],
            Model.Subjects.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("revenue", "orders", "aov", "customers", "units", "refunds", "refund_rate", "gross_sales", "discounts")]
    [InlineData("new_customers", "returning_customers", "new_customer_orders", "returning_customer_orders", "tips", "tax_collected")]
    [InlineData("leads", "appointments_set", "appointments_sat", "no_show_rate", "close_rate", "sold_revenue", "average_job_size",
        "pipeline_value")]
    [InlineData("jobs_in_progress", "jobs_outstanding", "production_days", "completion_rate")]
    [InlineData("tickets", "resolution_time", "satisfaction", "calls", "appointments_per_call", "doors", "leads_per_door")]
    [InlineData("marketing_spend", "cost_per_lead", "customer_acquisition_cost", "marketing_roi")]
    [InlineData("requests", "api_p95_ms", "avg_response_ms", "server_errors", "error_rate", "availability", "active_connections",
        "peak_node_connections")]
    public void The_metrics_of_the_demo_company_are_declared(params string[] metrics)
    {
        Assert.All(metrics, metric => Assert.Contains(metric, Model.Metrics.Keys));
    }

    [Fact]
    public void Revenue_is_the_sum_of_net_amount_of_the_sales_lines()
    {
        var revenue = Assert.IsType<Measure>(Model.Metrics["revenue"]);

        Assert.Equal(("sales", Aggregation.Sum, new ColumnRef(null, "net_amount")), (revenue.Subject, revenue.Aggregation, revenue.Column));
        Assert.Empty(revenue.Filter);
        Assert.Equal("gold.fact_sales", Model.Subjects["sales"].Table);
    }

    [Fact]
    public void The_example_of_the_issue_is_answered_from_the_sales_lines()
    {
        // {metrics: [revenue, orders, aov], dimensions: [location], filters: [{member: category, op: in, values: [Paint, Tools]}]}
        var subjects = new[] { "revenue", "orders", "aov" }.SelectMany(MeasuresOf).Select(m => m.Subject).Distinct();

        var subject = Model.Subjects[Assert.Single(subjects)];
        Assert.Equal("sales", subject.Name);
        Assert.Contains("location", subject.Dimensions.Keys);
        Assert.Contains("category", subject.Dimensions.Keys);
        var orders = Assert.IsType<Measure>(Model.Metrics["orders"]);
        Assert.Equal((Aggregation.CountDistinct, new ColumnRef(null, "order_id")), (orders.Aggregation, orders.Column));
    }

    [Fact]
    public void Every_business_subject_is_scoped_by_branch_and_can_be_grouped_by_branch()
    {
        Assert.All(Model.Subjects.Values.Where(subject => subject.DataSubject != "system"), subject =>
        {
            Assert.Equal("location_key", subject.Scope.Branch);
            Assert.Contains("location", subject.Dimensions.Keys);
            Assert.Contains("location_id", subject.Dimensions.Keys);
        });
    }

    [Fact]
    public void The_server_health_subjects_have_no_scope_column_so_only_super_admins_see_them()
    {
        var system = Model.Subjects.Values.Where(subject => subject.DataSubject == "system").Select(subject => subject.Name);

        Assert.Equal(["live_connections", "technology"], system.Order(StringComparer.Ordinal));
        Assert.All(system, name => Assert.Equal(new ScopeColumns(null, null), Model.Subjects[name].Scope));
    }

    [Fact]
    public void A_conformed_dimension_reads_the_same_column_of_the_same_table_in_every_subject()
    {
        var sources = Model.Subjects.Values
            .SelectMany(s => s.Dimensions.Values.Select(d => (d.Name, Table: d.Join is null ? s.Table : s.Joins[d.Join].Table, d.Column)))
            .Where(d => d.Table.StartsWith("gold.dim_", StringComparison.Ordinal))
            .GroupBy(d => d.Name);

        Assert.All(sources, group => Assert.Single(group.Select(d => (d.Table, d.Column)).Distinct()));
    }

    [Fact]
    public void Rollups_hold_measures_they_can_re_aggregate_and_the_branch_id_so_scoped_queries_can_use_them()
    {
        Assert.NotEmpty(Model.Rollups);
        Assert.All(Model.Rollups, rollup =>
        {
            Assert.Contains("location_id", rollup.Dimensions);
            Assert.All(rollup.Measures, m => Assert.True(
                RollupTable.CanKeep(Model.Subjects[rollup.Subject], rollup, (Measure)Model.Metrics[m]), $"{rollup.Name}: cannot keep {m}"));
        });
        var customers = Assert.Single(Model.Rollups, r => r.Name == "sales_customers_daily");
        Assert.Equal((DistinctCountKeeping.ByDimension, "customer_number"),
                     DistinctCounts.Keeping(Model.Subjects["sales"], customers, (Measure)Model.Metrics["customers"]));
        Assert.Equal(DistinctCountKeeping.Additive,
                     DistinctCounts.Keeping(Model.Subjects["sales"], customers, (Measure)Model.Metrics["orders"]).How);
        var sales = Assert.Single(Model.Rollups, r => r.Name == "sales_daily");
        Assert.Equal(("sales", Grain.Day), (sales.Subject, sales.Grain));
        Assert.Contains("category", sales.Dimensions);
        Assert.Contains(Model.Rollups, r => r.Subject == "appointments" && r.Dimensions.Contains("channel"));
    }

    [Fact]
    public void Cross_subject_metrics_combine_measures_of_several_subjects()
    {
        var costPerLead = Assert.IsType<DerivedMetric>(Model.Metrics["cost_per_lead"]);

        Assert.Equal(["marketing", "leads"], MeasuresOf(costPerLead.Name).Select(m => m.Subject).Distinct());
    }

    private static IEnumerable<Measure> MeasuresOf(string metric) => Model.Metrics[metric] switch
    {
        Measure measure => [measure],
        DerivedMetric derived => MetricExpressionParser.References(derived.Parsed).SelectMany(MeasuresOf),
        _ => [],
    };
}
