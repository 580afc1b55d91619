using System.Net;
using System.Text;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Queries.Verification;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Analyses;

/// <summary>
/// The analyses on the demo data through the API, against <see cref="PlainSqlAnalyses"/>: all time, a 90-day range that
/// ends inside the data (2025-10-18 to 2026-01-15; the demo runs from 2025-12-01 to 2026-01-31), and one branch over
/// that range.
/// </summary>
public static class AnalysisScenarios
{
    public static readonly string[] Analyses = ["cohort_retention", "customer_value", "customer_segments"];

    private static readonly DateOnly From = new(2025, 10, 18);
    private static readonly DateOnly To = new(2026, 1, 15);

    public static TheoryData<string> Names => [.. Analyses];

    public static async Task Each_situation_through_query_and_batch_equals_plain_sql(DemoWarehouse demo, string analysis)
    {
        var situations = await SituationsAsync(demo);
        using var client = await demo.SignedInClientAsync(Role.SuperAdmin);

        var batch = await BatchAsync(client, situations.Select(situation => (situation.Name, situation.Spec(analysis))));
        foreach (var situation in situations)
        {
            var expected = await ExpectedAsync(demo, analysis, situation);
            Assert.True(expected.Rows.Length > 1, $"{analysis}, {situation}: the demo gives too few rows to tell anything");

            var single = await QueryAsync(client, situation.Spec(analysis));
            AssertSame(expected, single, $"{analysis}, {situation}, POST /api/query");
            AssertSame(expected, batch[situation.Name], $"{analysis}, {situation}, POST /api/query/batch");
        }
    }

    public static async Task A_manager_of_one_branch_gets_the_numbers_of_that_branch_only(DemoWarehouse demo)
    {
        var branch = (await SituationsAsync(demo))[2];
        using var manager = await demo.SignedInClientAsync(Role.Manager, [branch.BranchId!]);
        foreach (var analysis in Analyses)
        {
            var answer = await QueryAsync(manager, branch.Spec(analysis, branchAsFilter: false));
            AssertSame(await ExpectedAsync(demo, analysis, branch), answer, $"{analysis}, a manager of {branch.BranchId}");
        }
    }

    public static async Task A_second_identical_request_is_answered_from_the_cache(DemoWarehouse demo)
    {
        using var client = await demo.SignedInClientAsync(Role.SuperAdmin);
        foreach (var analysis in Analyses)
        {
            // A range of its own, so that no other test's request of the same app warmed the cache before.
            var spec = $$"""{ "analysis": "{{analysis}}", "time": { "range": { "from": "2025-12-24", "to": "2026-01-24" } } }""";
            var first = await QueryAsync(client, spec);
            var second = await QueryAsync(client, spec);

            Assert.Equal("miss", first.GetProperty("meta").GetProperty("cache").GetString());
            Assert.Equal("hit", second.GetProperty("meta").GetProperty("cache").GetString());
            Assert.Equal(first.GetProperty("rows").GetRawText(), second.GetProperty("rows").GetRawText());
            Assert.True(second.GetProperty("meta").GetProperty("dataVersion").TryGetProperty("sales", out _));
        }
    }

    public static async Task With_rollups_on_the_customer_rollup_answers_and_the_numbers_are_the_same(DemoWarehouse rollups)
    {
        var situations = await SituationsAsync(rollups);
        using var client = await rollups.SignedInClientAsync(Role.SuperAdmin);
        foreach (var analysis in Analyses)
        {
            foreach (var situation in situations)
            {
                var answer = await QueryAsync(client, situation.Spec(analysis));
                Assert.Equal("sales_customers_daily", answer.GetProperty("meta").GetProperty("rollup").GetString());
                AssertSame(await ExpectedAsync(rollups, analysis, situation), answer, $"{analysis}, {situation}, rollups on");
            }
        }
    }

    private static async Task<Situation[]> SituationsAsync(DemoWarehouse demo)
    {
        var branch = (string)(await demo.RowsAsync("select min(location_id) from gold.dim_location where location_key <> 0"))[0][0]!;
        return [new("all time", null, null, null), new("90 days", From, To, null), new($"90 days at {branch}", From, To, branch)];
    }

    private static Task<(string[] Rows, string Totals)> ExpectedAsync(DemoWarehouse demo, string analysis, Situation situation) =>
        analysis switch
        {
            "cohort_retention" => PlainSqlAnalyses.CohortsAsync(demo, situation),
            "customer_value" => PlainSqlAnalyses.ValueAsync(demo, situation),
            _ => PlainSqlAnalyses.SegmentsAsync(demo, situation),
        };

    private static void AssertSame((string[] Rows, string Totals) expected, JsonElement answer, string what)
    {
        var actual = AnswerText.Of(answer);
        Assert.True(expected.Rows.SequenceEqual(actual.Rows),
                    $"{what}: expected\n{string.Join('\n', expected.Rows)}\nbut got\n{string.Join('\n', actual.Rows)}");
        Assert.Equal(expected.Totals, actual.Totals);
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string spec)
    {
        using var response = await client.PostAsync(new Uri("/api/query", UriKind.Relative), Json(spec));
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<Dictionary<string, JsonElement>> BatchAsync(HttpClient client, IEnumerable<(string Id, string Spec)> queries)
    {
        var body = $$"""{ "queries": [ {{string.Join(", ", queries.Select(query => $$"""{ "id": "{{query.Id}}", "spec": {{query.Spec}} }"""))}} ] }""";
        return BatchLines.Answers(await BatchLines.PostAsync(client, body));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
