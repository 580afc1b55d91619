using System.Globalization;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Ingest.Tests.Rollups;
using Northstar.Testing;

namespace Northstar.Ingest.Tests.Metrics;

/// <summary>
/// Marketing ROI and cost per job sold by channel over the demo company: the compiler's answer (spend from the marketing
/// facts, sold revenue from the jobs, merged on the channel) against plain SQL that finds each job's channel the long
/// way, through its appointment and that appointment's lead.
/// </summary>
public sealed class MarketingByChannelTests
{
    private static readonly DemoOptions Small = new() { Days = 60, Branches = 2, OrdersPerDay = 5, Seed = 5, Today = new DateOnly(2026, 3, 10) };

    [Fact]
    public Task Roi_and_cost_per_job_sold_by_channel_equal_plain_sql_on_DuckDB() => Engines.OnDuckDbAsync(ByChannelAsync);

    [PostgresFact]
    public Task Roi_and_cost_per_job_sold_by_channel_equal_plain_sql_on_PostgreSQL() => Engines.OnPostgresAsync(ByChannelAsync);

    private static async Task ByChannelAsync(PipelineWarehouse warehouse)
    {
        Assert.Equal(0, (await Northstar.Ingest.Demo.DemoLoad.RunAsync(DemoCompany.Generate(Small), warehouse.Pipeline)).Rejected);
        var spend = (await warehouse.QueryAsync<(string Channel, decimal Amount)>("""
            select ch.name, sum(f.amount) from gold.fact_marketing_spend f
            join gold.dim_channel ch on ch.channel_key = f.channel_key group by ch.name
            """)).ToDictionary(row => row.Channel, row => row.Amount);
        var sold = (await warehouse.QueryAsync<(string Channel, decimal Revenue, long Jobs)>("""
            select ch.name, sum(j.sold_amount), count(*) from gold.fact_jobs j
            join gold.fact_appointments a on a.appointment_id = j.appointment_id
            join gold.fact_leads l on l.lead_id = a.lead_id
            join gold.dim_channel ch on ch.channel_key = l.channel_key
            where j.stage <> 'cancelled'
            group by ch.name
            """)).ToDictionary(row => row.Channel);
        Assert.True(sold.Keys.Count(spend.ContainsKey) >= 3, "the demo sells jobs through several channels with spend");

        var compiled = QueryCompiler.Compile(ShippedModel.Model,
            RollupAnswers.Spec("""{ "metrics": ["marketing_roi", "customer_acquisition_cost"], "dimensions": ["channel"], "time": { "range": { "preset": "all_time" } } }"""),
            QueryScope.Unrestricted, new CompileContext(warehouse.Warehouse.Dialect, Small.Today) { UseRollups = false });
        var answer = await RollupAnswers.AskAsync(warehouse.Warehouse, compiled);
        var rows = answer.Rows.ToDictionary(row => (string)row[0]!, row => (Roi: Number(row[1]), Cac: Number(row[2])));

        foreach (var (channel, amount) in spend.Where(entry => entry.Value > 0))
        {
            var (revenue, jobs) = sold.TryGetValue(channel, out var s) ? (s.Revenue, s.Jobs) : (0m, 0L);
            Assert.True(rows.TryGetValue(channel, out var actual), $"no row for {channel}");
            Assert.Equal(Math.Round((revenue - amount) / amount, 8), Math.Round(actual.Roi!.Value, 8));
            decimal? expectedCac = jobs == 0 ? null : Math.Round(amount / jobs, 8);
            Assert.Equal(expectedCac, actual.Cac is { } cac ? Math.Round(cac, 8) : null);
        }
    }

    private static decimal? Number(object? value) => value is null ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
