using System.Globalization;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Tests.Pipeline;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Ingest.Tests.Rollups;

/// <summary>
/// Customers over a whole range are counted from the first-seen table of the rollup by customer: the customers of the
/// range's days whose previous day lies before the range. When a day's purchases move from one customer to another,
/// the refresh of that day must bring the previous days of both customers' later rows, and the first-seen days they
/// fall on, up to date, or every range that starts before the day and ends after it counts one customer too few and
/// the other twice.
/// </summary>
public sealed class CustomerCountRefreshTests
{
    private static readonly DemoOptions Small = RollupEqualityTests.Small;

    [Fact]
    public Task A_days_purchases_moved_to_another_customer_count_right_in_every_range_after_the_refresh_on_DuckDB() =>
        Engines.OnDuckDbAsync(MoveAsync);

    [PostgresFact]
    public Task A_days_purchases_moved_to_another_customer_count_right_in_every_range_after_the_refresh_on_PostgreSQL() =>
        Engines.OnPostgresAsync(MoveAsync);

    private static async Task MoveAsync(PipelineWarehouse warehouse)
    {
        var model = ShippedModel.Model;
        await RollupEqualityTests.LoadAsync(warehouse);

        // A bought on the day and later; B before and after it. A's purchases of the day become B's.
        var day = Small.Today.AddDays(-10);
        var from = DateOnly.FromDateTime(await warehouse.ScalarAsync<DateTime>("select cast(min(local_date) as timestamp) from gold.fact_sales"));
        var a = await warehouse.ScalarAsync<long>($"""
            select min(c.customer_number) from gold.fact_sales s join gold.dim_customer c on c.customer_key = s.customer_key
            where c.customer_number > 0
            group by c.customer_number
            having count(case when s.local_date = {Date(day)} then 1 end) > 0 and count(case when s.local_date > {Date(day)} then 1 end) > 0
            order by 1 limit 1
            """);
        var b = await warehouse.ScalarAsync<long>($"""
            select max(s.customer_key) from gold.fact_sales s join gold.dim_customer c on c.customer_key = s.customer_key
            where c.customer_number > 0 and c.customer_number <> {a}
            group by c.customer_number
            having count(case when s.local_date < {Date(day)} then 1 end) > 0 and count(case when s.local_date > {Date(day)} then 1 end) > 0
            order by 1 limit 1
            """);

        var ranges = new List<(DateOnly From, DateOnly To)>();
        foreach (var start in new[] { from, day.AddDays(-1), day, day.AddDays(1) })
        {
            foreach (var end in new[] { day, day.AddDays(3), Small.Today })
            {
                if (start <= end)
                    ranges.Add((start, end));
            }
        }

        // Only the rows of the day replaced, without their previous days or the later rows': B, who bought before, is
        // counted again on the day, so the count since the first day is wrong.
        var statements = new RollupMaintenance(model, warehouse.Warehouse.Dialect).RefreshStatements(["sales"], day, day);
        await ChangeAsync(warehouse.Warehouse, day, a, b, statements.Where(statement => !statement.Sql.StartsWith("update ", StringComparison.Ordinal)));
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertCustomersAsync(model, warehouse.Warehouse, from, Small.Today));

        // The whole refresh: right in every range, in all time, and in the KPI cards with their previous period.
        await ChangeAsync(warehouse.Warehouse, day, a, b, statements);
        foreach (var (start, end) in ranges)
            await AssertCustomersAsync(model, warehouse.Warehouse, start, end);
        Assert.Equal(FromFirstSeen, await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse,
            RollupAnswers.Spec("""{ "metrics": ["customers"] }"""), QueryScope.Unrestricted, Small.Today, "customers of all time"));
        Assert.Equal("sales_hourly,sales_customers_daily", await RollupAnswers.AssertSameAsync(model, warehouse.Warehouse, RollupAnswers.Spec("""
            { "metrics": ["revenue", "orders", "aov", "customers"], "time": { "range": { "preset": "last_30_days" } }, "compare": "previous_period" }
            """), QueryScope.Unrestricted, Small.Today, "KPI cards"));
    }

    // One row over a range: any rollup of sales for the row, the customers from the first-seen table.
    private const string FromFirstSeen = "sales_daily,sales_customers_daily";

    private static async Task AssertCustomersAsync(SemanticModel model, IWarehouse warehouse, DateOnly from, DateOnly to)
    {
        var spec = RollupAnswers.Spec($$"""{ "metrics": ["customers"], "time": { "range": { "from": "{{Text(from)}}", "to": "{{Text(to)}}" } } }""");
        Assert.Equal(FromFirstSeen,
                     await RollupAnswers.AssertSameAsync(model, warehouse, spec, QueryScope.Unrestricted, Small.Today, $"customers {Text(from)}..{Text(to)}"));
    }

    // Gives the day's purchases of customer number a to the customer version b (each time from the first mover's
    // state: the second call finds nothing left of a on the day and only re-runs the statements).
    private static async Task ChangeAsync(IWarehouse warehouse, DateOnly day, long a, long b, IEnumerable<Core.Queries.SqlStatement> refresh)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RollupEqualityTests.ExecuteAsync(connection, transaction, new Core.Queries.SqlStatement(
            "update gold.fact_sales set customer_key = $1 where local_date = $2 " +
            "and customer_key in (select customer_key from gold.dim_customer where customer_number = $3)", [b, day, a]));
        foreach (var statement in refresh)
            await RollupEqualityTests.ExecuteAsync(connection, transaction, statement);
        await transaction.CommitAsync();
    }

    private static string Date(DateOnly day) => $"date '{Text(day)}'";

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
