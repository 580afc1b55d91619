using System.Diagnostics;
using Dapper;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Npgsql;

namespace Northstar.Server.Tests;

public sealed class DemoCommandTests
{
    // On PostgreSQL, so the test can read the warehouse while the server holds it (a DuckDB file is one process's).
    [PostgresFact]
    public async Task Demo_loads_the_company_serves_it_and_live_events_reach_gold()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var server = await RunningServer.StartVerbAsync(folder.Path, "demo",
            "--days", "3", "--branches", "2", "--orders-per-day", "40", "--live",
            "--Northstar:Database:Engine=postgres", $"--Northstar:Database:ConnectionString={database.ConnectionString}");

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var loaded = await connection.ExecuteScalarAsync<long>("select count(*) from gold.fact_orders");
        Assert.True(loaded > 0, "the demo's history is in gold before the server listens");
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from gold.dim_location where location_key <> 0"));
        // The rollups were built from the loaded facts once the load was done; live batches keep both in step, so one
        // statement (one snapshot) reads both.
        var (facts, rollup) = await connection.QuerySingleAsync<(decimal, decimal)>(
            "select (select sum(net_amount) from gold.fact_sales), (select sum(m_revenue) from rollups.sales_daily)");
        Assert.True(facts > 0);
        Assert.Equal(facts, rollup);

        // Live orders arrive every second through accept + processor; wait for some in gold, within a deadline.
        var deadline = Stopwatch.StartNew();
        long live = 0;
        while (live == 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            live = await connection.ExecuteScalarAsync<long>("""
                select count(*) from gold.fact_orders f join silver.orders s on s.order_id = f.order_id
                where s.source = 'demo-live'
                """);
        }

        Assert.True(live > 0, "no live order reached gold within a minute:\n" + server.Log);
    }
}
