using System.Globalization;
using System.Text.Json;

namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>
/// The checks of every metric against its plain SQL (<see cref="MetricChecks"/>) through POST /api/query, run on each
/// engine by <see cref="DuckDbMetricVerificationTests"/> and <see cref="PostgresMetricVerificationTests"/>.
/// </summary>
public static class MetricScenarios
{
    // Ranges inside the demo's 2025-12-01 .. 2026-01-31: months cut at both ends, a previous period in the old year.
    private static readonly (DateOnly From, DateOnly To) TotalRange = (new(2025, 12, 5), new(2026, 1, 31));
    private static readonly (DateOnly From, DateOnly To) MonthRange = (new(2025, 12, 5), new(2026, 1, 20));
    private static readonly (DateOnly From, DateOnly To) CompareRange = (new(2026, 1, 2), new(2026, 1, 31));

    public static async Task Total_matches_plain_sql(DemoWarehouse demo, string metric)
    {
        var check = MetricChecks.All[metric];
        var answer = await demo.QueryAsync(Spec(metric, TotalRange));

        var expected = await demo.ScalarAsync(check.Sql(), TotalRange.From, TotalRange.To);
        check.AssertEqual(expected, Number(answer.GetProperty("totals").GetProperty(metric)), $"total {Show(TotalRange)}");
    }

    public static async Task Each_month_matches_plain_sql_over_its_dates(DemoWarehouse demo, string metric)
    {
        var check = MetricChecks.All[metric];
        var answer = await demo.QueryAsync(Spec(metric, MonthRange, grain: "month"));

        var rows = answer.GetProperty("rows").EnumerateArray()
            .ToDictionary(row => MonthOf(DateOnly.Parse(row[0].GetString()!, CultureInfo.InvariantCulture)), row => Number(row[1]));
        var months = Months(MonthRange).ToList();
        Assert.Subset(months.Select(month => month.Start).ToHashSet(), rows.Keys.ToHashSet());
        foreach (var (start, from, to) in months)
        {
            var expected = await demo.ScalarAsync(check.Sql(), from, to);
            if (rows.TryGetValue(start, out var actual))
                check.AssertEqual(expected, actual, $"month {start:yyyy-MM} ({Show((from, to))})");
            else
                Assert.True(expected is null or 0m, $"{metric}: no row for {start:yyyy-MM}, but the plain SQL gives {expected}.");
        }
    }

    public static async Task Each_of_two_filtered_branches_matches_plain_sql(DemoWarehouse demo, string metric)
    {
        var check = MetricChecks.All[metric];
        var (first, second) = (demo.TwoBranches[0], demo.TwoBranches[1]);
        var answer = await demo.QueryAsync(Spec(metric, TotalRange, more: $$"""
            , "dimensions": ["location"], "filters": [ { "member": "location", "op": "in", "values": ["{{first}}", "{{second}}"] } ]
            """));

        var rows = answer.GetProperty("rows").EnumerateArray().ToDictionary(row => row[0].GetString()!, row => Number(row[1]));
        Assert.Subset(new HashSet<string> { first, second }, rows.Keys.ToHashSet());
        foreach (var branch in demo.TwoBranches)
        {
            var expected = await demo.ScalarAsync(check.Sql("and l.name = $3"), TotalRange.From, TotalRange.To, branch);
            if (rows.TryGetValue(branch, out var actual))
                check.AssertEqual(expected, actual, $"branch {branch}");
            else
                Assert.True(expected is null or 0m, $"{metric}: no row for {branch}, but the plain SQL gives {expected}.");
        }

        var both = await demo.ScalarAsync(check.Sql("and l.name in ($3, $4)"), TotalRange.From, TotalRange.To, first, second);
        check.AssertEqual(both, Number(answer.GetProperty("totals").GetProperty(metric)), $"total of {first} and {second}");
    }

    public static async Task Previous_period_matches_plain_sql_with_consistent_deltas(DemoWarehouse demo, string metric)
    {
        var check = MetricChecks.All[metric];
        var days = CompareRange.To.DayNumber - CompareRange.From.DayNumber + 1;
        var previous = (From: CompareRange.From.AddDays(-days), To: CompareRange.From.AddDays(-1));
        var answer = await demo.QueryAsync(Spec(metric, CompareRange, more: """, "compare": "previous_period" """));

        var comparison = answer.GetProperty("comparison");
        Assert.Equal(previous.From, DateOnly.Parse(comparison.GetProperty("from").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(previous.To, DateOnly.Parse(comparison.GetProperty("to").GetString()!, CultureInfo.InvariantCulture));
        var current = Number(answer.GetProperty("totals").GetProperty(metric));
        var compared = comparison.GetProperty("totals").GetProperty(metric);
        var before = Number(compared.GetProperty("previous"));
        check.AssertEqual(await demo.ScalarAsync(check.Sql(), CompareRange.From, CompareRange.To), current, $"total {Show(CompareRange)}");
        check.AssertEqual(await demo.ScalarAsync(check.Sql(), previous.From, previous.To), before, $"previous period {Show(previous)}");

        var delta = Number(compared.GetProperty("delta"));
        var percent = Number(compared.GetProperty("percent"));
        if (current is { } now && before is { } then)
        {
            check.AssertDelta(now, then, delta);
            if (then == 0)
            {
                Assert.Null(percent);
            }
            else
            {
                // Relative to the size of the previous value (AnswerAssembler), so a loss that shrinks reads as a gain.
                var expected = (now - then) / Math.Abs(then);
                Assert.True(percent is { } p && Math.Abs(p - expected) <= 0.000001m * Math.Max(1m, Math.Abs(expected)),
                    $"{metric}: percent {percent} is not delta / |previous| = {expected}.");
            }
        }
        else
        {
            Assert.Null(delta);
            Assert.Null(percent);
        }
    }

    public static async Task Revenue_is_answered_from_a_rollup_only_with_rollups_on(DemoWarehouse facts, DemoWarehouse rollups)
    {
        var fromFacts = await facts.QueryAsync(Spec("revenue", TotalRange));
        var fromRollups = await rollups.QueryAsync(Spec("revenue", TotalRange));

        Assert.Equal(JsonValueKind.Null, fromFacts.GetProperty("meta").GetProperty("rollup").ValueKind);
        Assert.Equal("sales_daily", fromRollups.GetProperty("meta").GetProperty("rollup").GetString());
        Assert.Equal(Number(fromFacts.GetProperty("totals").GetProperty("revenue")), Number(fromRollups.GetProperty("totals").GetProperty("revenue")));
    }

    private static string Spec(string metric, (DateOnly From, DateOnly To) range, string? grain = null, string more = "")
    {
        var grainMember = grain is null ? "" : $"\"grain\": \"{grain}\", ";
        return $$"""
            { "metrics": ["{{metric}}"],
              "time": { {{grainMember}}"range": { "from": "{{range.From:yyyy-MM-dd}}", "to": "{{range.To:yyyy-MM-dd}}" } } {{more}} }
            """;
    }

    private static decimal? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {value.GetRawText()}"),
    };

    private static string Show((DateOnly From, DateOnly To) range) =>
        string.Create(CultureInfo.InvariantCulture, $"{range.From:yyyy-MM-dd} .. {range.To:yyyy-MM-dd}");

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    // Each month touching the range, with the dates of the range it covers.
    private static IEnumerable<(DateOnly Start, DateOnly From, DateOnly To)> Months((DateOnly From, DateOnly To) range)
    {
        for (var start = MonthOf(range.From); start <= range.To; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            yield return (start, start < range.From ? range.From : start, end > range.To ? range.To : end);
        }
    }
}
