using Northstar.Ingest.Demo;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Testing;

namespace Northstar.Ingest.Tests.DemoLoad;

/// <summary>
/// A small demo company loaded through the pipeline: gold must agree with what the generator counted while
/// generating — an independent check, since the generator never reads the warehouse.
/// </summary>
public sealed class DemoLoadTests
{
    private static readonly DemoOptions Small = new()
    {
        Days = 45,
        Branches = 3,
        OrdersPerDay = 120,
        Seed = 7,
        Today = new DateOnly(2026, 3, 10),
    };

    [Fact]
    public Task Gold_agrees_with_the_generators_orders_and_revenue_per_branch_per_month_on_DuckDB() =>
        Engines.OnDuckDbAsync(AssertGoldMatchesGeneratorAsync);

    [PostgresFact]
    public Task Gold_agrees_with_the_generators_orders_and_revenue_per_branch_per_month_on_PostgreSQL() =>
        Engines.OnPostgresAsync(AssertGoldMatchesGeneratorAsync);

    private static async Task AssertGoldMatchesGeneratorAsync(PipelineWarehouse warehouse)
    {
        var data = DemoCompany.Generate(Small);
        var totals = data.Totals;

        var observer = new Recorder();
        var report = await Northstar.Ingest.Demo.DemoLoad.RunAsync(data, warehouse.Pipeline, observer);

        // Processed beside the writing, in several passes: every event written is processed once, none left pending.
        Assert.Equal(0, report.Rejected);
        Assert.Equal(Northstar.Ingest.Demo.DemoLoad.Order, observer.Entities.Select(entity => entity.Entity));
        Assert.Equal(observer.Entities.Sum(entity => entity.Accepted), report.TotalProcessed);
        Assert.Equal(0, await warehouse.ScalarAsync<long>("select count(*) from bronze.events where status <> 'processed'"));
        var months = await warehouse.QueryAsync<GoldMonth>("""
            select l.location_id as LocationId,
                   cast(extract(year from o.local_date) as integer) as Year,
                   cast(extract(month from o.local_date) as integer) as Month,
                   count(*) as Orders,
                   sum(o.total) as Sales,
                   sum(o.refunded_amount) as Refunded
            from gold.fact_orders o
            join gold.dim_location l on l.location_key = o.location_key
            group by 1, 2, 3
            order by 1, 2, 3
            """);
        var expected = totals.Months
            .OrderBy(m => m.LocationId, StringComparer.Ordinal).ThenBy(m => m.Year).ThenBy(m => m.Month)
            .Select(m => new GoldMonth(m.LocationId, m.Year, m.Month, m.Orders, m.Sales, m.Refunded))
            .ToList();
        Assert.Equal(expected, months);

        // The deliberate defects arrive as sent, for reconciliation to find (this seed and size has some of each).
        Assert.True(totals.GhostAppointments > 0 && totals.UnbalancedCommissionJobs > 0, "the sample holds both defects");
        Assert.Equal(totals.GhostAppointments, await warehouse.ScalarAsync<long>("""
            select count(*) from gold.fact_appointments a
            where a.outcome = 'sold' and not exists (select 1 from gold.fact_jobs j where j.appointment_id = a.appointment_id)
            """));
        Assert.Equal(totals.UnbalancedCommissionJobs, await warehouse.ScalarAsync<long>("""
            select count(*) from (select job_id from gold.fact_job_commissions group by job_id having sum(share) <> 1) unbalanced
            """));
        Assert.Equal(totals.Leads, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_leads"));
        Assert.Equal(totals.Jobs, await warehouse.ScalarAsync<long>("select count(*) from gold.fact_jobs"));
    }

    private sealed class Recorder : IDemoLoadObserver
    {
        public List<(EntityKind Entity, long Accepted)> Entities { get; } = [];

        public IProgress<long>? Writing(EntityKind entity) => null;

        public void Written(EntityKind entity, Northstar.Ingest.Pipeline.BulkOutcome outcome) => Entities.Add((entity, outcome.Accepted));
    }

    private sealed record GoldMonth(string LocationId, int Year, int Month, long Orders, decimal Sales, decimal Refunded);
}
