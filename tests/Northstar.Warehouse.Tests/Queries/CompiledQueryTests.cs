using System.Text.Json;
using Northstar.Core.Queries;
using Northstar.Testing;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests.Queries;

/// <summary>
/// Compiled queries run on both engines over <see cref="QueryFixture"/> and give the values computed by hand in each
/// test (not by the compiler).
/// </summary>
public sealed class CompiledQueryTests
{
    private static readonly JsonSerializerOptions SpecJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public Task Month_buckets_totals_and_previous_period_deltas_match_hand_computed_values_on_DuckDB() =>
        QueryFixture.OnDuckDbAsync(MonthBucketsAndPreviousPeriodAsync);

    [PostgresFact]
    public Task Month_buckets_totals_and_previous_period_deltas_match_hand_computed_values_on_PostgreSQL() =>
        QueryFixture.OnPostgresAsync(MonthBucketsAndPreviousPeriodAsync);

    [Fact]
    public Task Day_buckets_by_branch_match_the_previous_year_with_missing_counterparts_as_null_on_DuckDB() =>
        QueryFixture.OnDuckDbAsync(DaysByBranchAndPreviousYearAsync);

    [PostgresFact]
    public Task Day_buckets_by_branch_match_the_previous_year_with_missing_counterparts_as_null_on_PostgreSQL() =>
        QueryFixture.OnPostgresAsync(DaysByBranchAndPreviousYearAsync);

    [Fact]
    public Task Hour_week_and_year_buckets_follow_the_local_date_across_the_time_zone_boundary_on_DuckDB() =>
        QueryFixture.OnDuckDbAsync(LocalBucketsAsync);

    [PostgresFact]
    public Task Hour_week_and_year_buckets_follow_the_local_date_across_the_time_zone_boundary_on_PostgreSQL() =>
        QueryFixture.OnPostgresAsync(LocalBucketsAsync);

    [Fact]
    public Task The_scope_keeps_only_the_callers_branches_and_employee_on_DuckDB() => QueryFixture.OnDuckDbAsync(ScopeAsync);

    [PostgresFact]
    public Task The_scope_keeps_only_the_callers_branches_and_employee_on_PostgreSQL() => QueryFixture.OnPostgresAsync(ScopeAsync);

    [Fact]
    public Task Cost_per_lead_combines_two_subjects_and_is_null_without_leads_on_DuckDB() => QueryFixture.OnDuckDbAsync(CrossSubjectAsync);

    [PostgresFact]
    public Task Cost_per_lead_combines_two_subjects_and_is_null_without_leads_on_PostgreSQL() => QueryFixture.OnPostgresAsync(CrossSubjectAsync);

    [Fact]
    public Task Filters_segments_metric_filters_order_and_limit_bind_their_values_on_DuckDB() => QueryFixture.OnDuckDbAsync(FiltersAsync);

    [PostgresFact]
    public Task Filters_segments_metric_filters_order_and_limit_bind_their_values_on_PostgreSQL() => QueryFixture.OnPostgresAsync(FiltersAsync);

    // Current range 2024-12-30..2025-01-05 (7 days): Dec = o1 150 + o2 40; Jan = o3 200 + o4 80 + o5 30 + o6 10.
    // Previous period 2024-12-23..29: p1 90 + p2 120, all in the December bucket.
    private static async Task MonthBucketsAndPreviousPeriodAsync(IWarehouse warehouse)
    {
        var answer = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["revenue", "orders", "aov"],
              "time": { "dimension": "order_date", "grain": "month", "range": { "from": "2024-12-30", "to": "2025-01-05" } },
              "compare": "previous_period" }
            """));

        Assert.Equal(["order_date", "revenue", "orders", "aov"], answer.Columns.Select(column => column.Name));
        AssertRows([[D(2024, 12, 1), 190m, 2L, 95m], [D(2025, 1, 1), 320m, 4L, 80m]], answer.Rows);
        AssertNumber(510m, answer.Totals["revenue"]);
        Assert.Equal(6L, answer.Totals["orders"]);
        AssertNumber(85m, answer.Totals["aov"]);

        var comparison = answer.Comparison!;
        Assert.Equal(new DateRange(D(2024, 12, 23), D(2024, 12, 29)), comparison.Range);
        // December shifted back 7 days lands in November: nothing there, so null and not zero.
        Assert.Equal(new MetricComparison(null, null, null), comparison.Rows[0]["revenue"]);
        // January shifted back 7 days lands in December of the previous period.
        AssertComparison(210m, 110m, 110m / 210m, comparison.Rows[1]["revenue"]);
        AssertComparison(2L, 2m, 1m, comparison.Rows[1]["orders"]);
        AssertComparison(105m, -25m, -25m / 105m, comparison.Rows[1]["aov"]);
        AssertComparison(210m, 300m, 300m / 210m, comparison.Totals["revenue"]);
        AssertComparison(2L, 4m, 2m, comparison.Totals["orders"]);
        AssertComparison(105m, -20m, -20m / 105m, comparison.Totals["aov"]);
    }

    // Previous year 2023-12-30..2024-01-05: y1 North 75 on 2023-12-30, y2 North 25 on 2024-01-02.
    private static async Task DaysByBranchAndPreviousYearAsync(IWarehouse warehouse)
    {
        var answer = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["revenue"], "dimensions": ["location"],
              "time": { "grain": "day", "range": { "from": "2024-12-30", "to": "2025-01-05" } },
              "compare": "previous_year" }
            """));

        AssertRows(
        [
            [D(2024, 12, 30), "North", 150m], [D(2024, 12, 31), "North", 40m], [D(2025, 1, 1), "South", 200m],
            [D(2025, 1, 2), "North", 80m], [D(2025, 1, 5), "North", 10m], [D(2025, 1, 5), "South", 30m],
        ], answer.Rows);
        var rows = answer.Comparison!.Rows;
        AssertComparison(75m, 75m, 1m, rows[0]["revenue"]);
        Assert.Equal(new MetricComparison(null, null, null), rows[1]["revenue"]);
        Assert.Equal(new MetricComparison(null, null, null), rows[2]["revenue"]);
        AssertComparison(25m, 55m, 2.2m, rows[3]["revenue"]);
        Assert.Equal(new MetricComparison(null, null, null), rows[4]["revenue"]);
        AssertComparison(100m, 410m, 4.1m, answer.Comparison.Totals["revenue"]);
    }

    // o2 was sold at 23:00 on 2024-12-31 in Chicago (05:00 on 2025-01-01 UTC): it stays in 2024's buckets.
    private static async Task LocalBucketsAsync(IWarehouse warehouse)
    {
        var hours = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["revenue"], "time": { "grain": "hour", "range": { "from": "2024-12-31", "to": "2025-01-01" } } }
            """));
        AssertRows([[new DateTime(2024, 12, 31, 23, 0, 0), 40m], [new DateTime(2025, 1, 1, 9, 0, 0), 200m]], hours.Rows);

        var years = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["revenue", "orders"], "time": { "grain": "year", "range": { "from": "2024-12-30", "to": "2025-01-05" } } }
            """));
        AssertRows([[D(2024, 1, 1), 190m, 2L], [D(2025, 1, 1), 320m, 4L]], years.Rows);

        // 2024-12-30 is the Monday of ISO week 2025-W01; the day before (p2, tools only) belongs to the week of Monday
        // 2024-12-23, where no paint line gives paint revenue 0 (a sum over no matching rows of a group that has rows is
        // 0, not null: a day without refunds has refunds 0) and so a share of 0. Paint: 100 + 40 + 60 + 20 + 10.
        var weeks = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["revenue", "paint_revenue", "paint_share"],
              "time": { "grain": "week", "range": { "from": "2024-12-29", "to": "2025-01-05" } } }
            """));
        AssertRows([[D(2024, 12, 23), 120m, 0m, 0m], [D(2024, 12, 30), 510m, 230m, 230m / 510m * 100m]], weeks.Rows);

        var quarters = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["lines"], "time": { "grain": "quarter", "range": { "from": "2024-12-01", "to": "2025-01-31" } } }
            """));
        // December: x2, p1, p2, o1 (two lines), o2; January: o3, o4 (two lines), o5, o6, x1.
        AssertRows([[D(2024, 10, 1), 6L], [D(2025, 1, 1), 6L]], quarters.Rows);
    }

    // South: o3 200 + o5 30. Employee e1: o1 150 + o3 200. Both: o3.
    private static async Task ScopeAsync(IWarehouse warehouse)
    {
        var spec = Spec("""{ "metrics": ["revenue"], "time": { "range": { "from": "2024-12-30", "to": "2025-01-05" } } }""");

        var south = await QueryFixture.AskAsync(warehouse, spec, new QueryScope(["south"], null, null));
        var ada = await QueryFixture.AskAsync(warehouse, spec, new QueryScope(null, "e1", null));
        var both = await QueryFixture.AskAsync(warehouse, spec, new QueryScope(["south", "nowhere"], "e1", null));
        var none = await QueryFixture.AskAsync(warehouse, spec, new QueryScope([], null, null));

        AssertNumber(230m, south.Totals["revenue"]);
        AssertNumber(350m, ada.Totals["revenue"]);
        AssertNumber(200m, both.Totals["revenue"]);
        // A sum over no rows is 0, like a count: nothing visible sold nothing.
        AssertNumber(0m, none.Totals["revenue"]);
        AssertNumber(0m, Assert.Single(none.Rows)[0]);
    }

    // Spend: North 100 (Jan 1), South 50 (Jan 2). Leads: North 4, South none.
    private static async Task CrossSubjectAsync(IWarehouse warehouse)
    {
        var answer = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["spend", "leads", "cost_per_lead"], "dimensions": ["location"],
              "time": { "range": { "from": "2025-01-01", "to": "2025-01-05" } }, "order": [ { "member": "location" } ] }
            """));

        AssertRows([["North", 100m, 4L, 25m], ["South", 50m, null, null]], answer.Rows);
        AssertNumber(150m, answer.Totals["spend"]);
        Assert.Equal(4L, answer.Totals["leads"]);
        AssertNumber(37.5m, answer.Totals["cost_per_lead"]);

        var byDay = await QueryFixture.AskAsync(warehouse, Spec("""
            { "metrics": ["spend", "leads"], "time": { "grain": "day", "range": { "from": "2025-01-01", "to": "2025-01-05" } } }
            """));
        AssertRows([[D(2025, 1, 1), 100m, 2L], [D(2025, 1, 2), 50m, null], [D(2025, 1, 3), null, 2L]], byDay.Rows);
    }

    private static async Task FiltersAsync(IWarehouse warehouse)
    {
        const string Range = """ "time": { "range": { "from": "2024-12-30", "to": "2025-01-05" } } """;
        async Task<object?> RevenueAsync(string filters) =>
            (await QueryFixture.AskAsync(warehouse, Spec($$"""{ "metrics": ["revenue"], {{Range}}, {{filters}} }"""))).Totals["revenue"];

        AssertNumber(230m, await RevenueAsync("""  "filters": [ { "member": "category", "op": "equals", "values": ["Paint"] } ] """));
        AssertNumber(280m, await RevenueAsync("""  "filters": [ { "member": "category", "op": "not_in", "values": ["Paint"] } ] """));
        AssertNumber(280m, await RevenueAsync("""  "filters": [ { "member": "location", "op": "contains", "values": ["ORT"] } ] """));
        AssertNumber(230m, await RevenueAsync("""  "filters": [ { "member": "location", "op": "starts_with", "values": ["s"] } ] """));
        // Lines of 40 (o2), 50 (o1) and 60 (o4): between includes both ends.
        AssertNumber(150m, await RevenueAsync("""  "filters": [ { "member": "line_amount", "op": "between", "values": [40, 60] } ] """));
        AssertNumber(300m, await RevenueAsync("""  "segments": ["big_lines"] """));
        // Wildcards and quotes in a value are data: they match nothing here (a sum of nothing, 0), and nothing is executed.
        AssertNumber(0m, await RevenueAsync("""  "filters": [ { "member": "location", "op": "contains", "values": ["%"] } ] """));
        AssertNumber(0m, await RevenueAsync("""
             "filters": [ { "member": "location", "op": "equals", "values": ["North'; drop table gold.fact_sales; --"] } ]
            """));
        AssertNumber(280m, await RevenueAsync("""
             "filters": [ { "member": "location", "op": "in", "values": ["North", "x' or '1'='1"] } ]
            """));

        var top = await QueryFixture.AskAsync(warehouse, Spec($$"""
            { "metrics": ["revenue", "orders"], "dimensions": ["location"], {{Range}},
              "filters": [ { "member": "orders", "op": "gte", "values": [2] } ],
              "order": [ { "member": "revenue", "desc": true } ], "limit": 1 }
            """));
        AssertRows([["North", 280m, 4L]], top.Rows);
        // Both branches have two orders or more: the totals cover both (the limit does not cut totals).
        AssertNumber(510m, top.Totals["revenue"]);

        // Only North passes; the totals are computed again from North's rows (AOV 280 / 4), not summed.
        var north = await QueryFixture.AskAsync(warehouse, Spec($$"""
            { "metrics": ["revenue", "orders", "aov"], "dimensions": ["location"], {{Range}},
              "filters": [ { "member": "revenue", "op": "gt", "values": [250] } ] }
            """));
        AssertRows([["North", 280m, 4L, 70m]], north.Rows);
        AssertNumber(280m, north.Totals["revenue"]);
        Assert.Equal(4L, north.Totals["orders"]);
        AssertNumber(70m, north.Totals["aov"]);

        // Without groups, a metric filter keeps the single row or nothing.
        var nothing = await QueryFixture.AskAsync(warehouse, Spec($$"""
            { "metrics": ["revenue", "orders"], {{Range}}, "filters": [ { "member": "aov", "op": "gt", "values": [1000] } ] }
            """));
        Assert.Empty(nothing.Rows);
        AssertNumber(0m, nothing.Totals["revenue"]);
        Assert.Equal(0L, nothing.Totals["orders"]);

        var ascending = await QueryFixture.AskAsync(warehouse, Spec($$"""
            { "metrics": ["revenue"], "dimensions": ["location"], {{Range}}, "order": [ { "member": "revenue" } ] }
            """));
        AssertRows([["South", 230m], ["North", 280m]], ascending.Rows);
    }

    private static QuerySpec Spec(string json) => JsonSerializer.Deserialize<QuerySpec>(json, SpecJson)!;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static void AssertRows(object?[][] expected, IReadOnlyList<IReadOnlyList<object?>> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Count);
            for (var j = 0; j < expected[i].Length; j++)
            {
                if (expected[i][j] is decimal number)
                {
                    AssertNumber(number, actual[i][j]);
                }
                else
                {
                    Assert.Equal(expected[i][j], actual[i][j]);
                }
            }
        }
    }

    // Derived metrics divide in double precision on DuckDB: equal to 10 decimal places is equal here.
    private static void AssertNumber(decimal expected, object? actual) =>
        Assert.Equal(Math.Round(expected, 10), Math.Round(Assert.IsType<decimal>(actual), 10));

    private static void AssertComparison(object previous, decimal delta, decimal percent, MetricComparison actual)
    {
        if (previous is decimal number)
        {
            AssertNumber(number, actual.Previous);
        }
        else
        {
            Assert.Equal(previous, actual.Previous);
        }

        AssertNumber(delta, actual.Delta);
        AssertNumber(percent, actual.Percent);
    }
}
