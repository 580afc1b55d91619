using System.Globalization;
using System.Text.Json;
using Northstar.Core.Queries;
using Northstar.Testing;

namespace Northstar.Warehouse.Tests.Analyses;

/// <summary>
/// The three analyses on the hand-made data of <see cref="AnalysisFixture"/>, on both engines, from the fact table and
/// from the rollups: every expected row below was worked out by hand from the fixture's table of lines. The range is
/// February to April 2025; "north" is a filter on the branch, "south" a branch manager's scope.
/// </summary>
public sealed class AnalysisTests
{
    private static readonly RangeSpec FebruaryToApril = new() { From = "2025-02-01", To = "2025-04-30" };

    public static TheoryData<bool> Sources => new() { false, true };

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Customer_segments_match_the_hand_computed_segments_on_DuckDB(bool useRollups) =>
        AnalysisFixture.OnDuckDbAsync(warehouse => SegmentsAsync(warehouse, useRollups));

    [PostgresTheory]
    [MemberData(nameof(Sources))]
    public Task Customer_segments_match_the_hand_computed_segments_on_PostgreSQL(bool useRollups) =>
        AnalysisFixture.OnPostgresAsync(warehouse => SegmentsAsync(warehouse, useRollups));

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Customer_value_matches_the_hand_computed_bands_on_DuckDB(bool useRollups) =>
        AnalysisFixture.OnDuckDbAsync(warehouse => ValueAsync(warehouse, useRollups));

    [PostgresTheory]
    [MemberData(nameof(Sources))]
    public Task Customer_value_matches_the_hand_computed_bands_on_PostgreSQL(bool useRollups) =>
        AnalysisFixture.OnPostgresAsync(warehouse => ValueAsync(warehouse, useRollups));

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Cohort_retention_matches_the_hand_computed_matrix_on_DuckDB(bool useRollups) =>
        AnalysisFixture.OnDuckDbAsync(warehouse => CohortsAsync(warehouse, useRollups));

    [PostgresTheory]
    [MemberData(nameof(Sources))]
    public Task Cohort_retention_matches_the_hand_computed_matrix_on_PostgreSQL(bool useRollups) =>
        AnalysisFixture.OnPostgresAsync(warehouse => CohortsAsync(warehouse, useRollups));

    private static async Task SegmentsAsync(IWarehouse warehouse, bool useRollups)
    {
        var check = new Checker(warehouse, "customer_segments", useRollups);
        await check.RangeAsync(
            ["vip 1 11 640", "loyal 1 5 100", "regular 3 7 230", "new 5 5 810"], "customers 10 orders 28 revenue 1780");
        await check.NorthAsync(
            ["vip 1 11 640", "loyal 0 0 0", "regular 1 2 50", "new 3 3 110"], "customers 5 orders 16 revenue 800");
        await check.SouthAsync(
            ["vip 0 0 0", "loyal 1 5 100", "regular 1 2 55", "new 5 5 825"], "customers 7 orders 12 revenue 980");
        await check.AllTimeAsync(
            ["vip 1 11 640", "loyal 1 6 120", "regular 4 10 390", "new 6 6 850"], "customers 12 orders 33 revenue 2000");
    }

    private static async Task ValueAsync(IWarehouse warehouse, bool useRollups)
    {
        var check = new Checker(warehouse, "customer_value", useRollups);
        await check.RangeAsync(
            ["0 50 1 0", "50 100 4 240", "100 250 2 300", "250 500 2 730", "500 - 1 640"], "customers 10 revenue 1910");
        await check.NorthAsync(
            ["0 50 1 0", "50 100 2 100", "100 250 1 160", "250 500 0 0", "500 - 1 640"], "customers 5 revenue 900");
        await check.SouthAsync(
            ["0 50 3 95", "50 100 1 55", "100 250 1 100", "250 500 2 730", "500 - 0 0"], "customers 7 revenue 980");
        await check.AllTimeAsync(
            ["0 50 2 0", "50 100 5 310", "100 250 2 320", "250 500 2 730", "500 - 1 640"], "customers 12 revenue 2000");
    }

    private static async Task CohortsAsync(IWarehouse warehouse, bool useRollups)
    {
        var check = new Checker(warehouse, "cohort_retention", useRollups);
        await check.RangeAsync(
            [
                "2025-02-01 0 4 4 1", "2025-02-01 1 4 2 0.5", "2025-02-01 2 4 1 0.25",
                "2025-03-01 0 2 2 1", "2025-03-01 1 2 1 0.5",
                "2025-04-01 0 2 2 1",
            ],
            "cohort_customers 8 active_customers - retention -");
        await check.NorthAsync(
            ["2025-02-01 0 3 3 1", "2025-02-01 1 3 2 0.6667", "2025-02-01 2 3 0 0", "2025-04-01 0 1 1 1"],
            "cohort_customers 4 active_customers - retention -");
        await check.SouthAsync(
            [
                "2025-02-01 0 1 1 1", "2025-02-01 1 1 0 0", "2025-02-01 2 1 0 0",
                "2025-03-01 0 3 3 1", "2025-03-01 1 3 1 0.3333",
                "2025-04-01 0 3 3 1",
            ],
            "cohort_customers 7 active_customers - retention -");
        await check.AllTimeAsync(
            [
                "2025-01-01 0 3 3 1", "2025-01-01 1 3 1 0.3333", "2025-01-01 2 3 1 0.3333", "2025-01-01 3 3 1 0.3333", "2025-01-01 4 3 0 0",
                "2025-02-01 0 4 4 1", "2025-02-01 1 4 2 0.5", "2025-02-01 2 4 1 0.25", "2025-02-01 3 4 0 0",
                "2025-03-01 0 2 2 1", "2025-03-01 1 2 1 0.5", "2025-03-01 2 2 1 0.5",
                "2025-04-01 0 2 2 1", "2025-04-01 1 2 0 0",
                "2025-05-01 0 1 1 1",
            ],
            "cohort_customers 12 active_customers - retention -");
    }

    /// <summary>Asks one analysis in the four situations and compares rows and totals as text.</summary>
    private sealed class Checker(IWarehouse warehouse, string analysis, bool useRollups)
    {
        public Task RangeAsync(string[] rows, string totals) =>
            CheckAsync(new QuerySpec { Analysis = analysis, Time = new TimeSpec { Range = FebruaryToApril } }, null, rows, totals, "range");

        public Task NorthAsync(string[] rows, string totals) =>
            CheckAsync(new QuerySpec
            {
                Analysis = analysis,
                Time = new TimeSpec { Range = FebruaryToApril },
                Filters = [new FilterSpec { Member = "location_id", Op = "equals", Values = [JsonSerializer.SerializeToElement("north")] }],
            }, null, rows, totals, "north");

        public Task SouthAsync(string[] rows, string totals) =>
            CheckAsync(new QuerySpec { Analysis = analysis, Time = new TimeSpec { Range = FebruaryToApril } },
                       new QueryScope(["south"], null, null), rows, totals, "south");

        public Task AllTimeAsync(string[] rows, string totals) =>
            CheckAsync(new QuerySpec { Analysis = analysis }, null, rows, totals, "all time");

        private async Task CheckAsync(QuerySpec spec, QueryScope? scope, string[] rows, string totals, string situation)
        {
            var (answer, query) = await AnalysisFixture.AskAsync(warehouse, spec, scope, useRollups);

            Assert.Equal(useRollups ? "sales_customers_daily" : null, query.Rollup);
            Assert.Equal(["sales"], query.Subjects);
            Assert.True(rows.SequenceEqual(answer.Rows.Select(Row)),
                        $"{analysis}, {situation}: expected\n{string.Join('\n', rows)}\nbut got\n{string.Join('\n', answer.Rows.Select(Row))}");
            Assert.Equal(totals, string.Join(' ', answer.Totals.Select(total => total.Key + " " + Text(total.Value))));
        }
    }

    private static string Row(IReadOnlyList<object?> row) => string.Join(' ', row.Select(Text));

    private static string Text(object? value) => value switch
    {
        null => "-",
        decimal number => Math.Round(number, 4).ToString("0.####", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
