using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Dashboards;
using Northstar.Server.Tests.Queries.Verification;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>
/// After a start, the server answers the shipped dashboards' tiles once: the first visit of an unrestricted caller finds
/// every answer cached, as the UI asks for it (the default range), and a branch manager's first visit answers right.
/// </summary>
public sealed class DashboardWarmUpTests(DuckDbDemo demo) : IClassFixture<DuckDbDemo>
{
    [Fact]
    public async Task The_first_visit_after_a_start_finds_every_tile_of_the_shipped_dashboards_cached()
    {
        var facts = await demo.Facts;
        await using var warmed = await facts.WithRollupsAsync(new Dictionary<string, string?> { [NorthstarAppFactory.WarmUpSetting] = "true" });
        await warmed.Services.GetRequiredService<DashboardWarmUp>().Finished.WaitAsync(TimeSpan.FromMinutes(5));
        using var admin = await warmed.SignedInClientAsync(Role.SuperAdmin);

        foreach (var id in new[] { "executive", "sales" })
        {
            var answers = await BatchAsync(admin, id);
            Assert.NotEmpty(answers);
            Assert.All(answers, answer => Assert.Equal("hit", answer.GetProperty("meta").GetProperty("cache").GetString()));
        }

        // Another scope was not warmed: its answers are computed.
        var branch = (string)(await warmed.RowsAsync("select min(location_id) from gold.dim_location where location_key <> 0"))[0][0]!;
        using var manager = await warmed.SignedInClientAsync(Role.Manager, [branch]);
        var managers = await BatchAsync(manager, "executive");
        Assert.All(managers, answer => Assert.Equal("miss", answer.GetProperty("meta").GetProperty("cache").GetString()));
    }

    [Fact]
    public async Task Turned_off_nothing_is_cached_before_the_first_visit()
    {
        var facts = await demo.Facts;
        await using var cold = await facts.WithRollupsAsync(new Dictionary<string, string?> { [NorthstarAppFactory.WarmUpSetting] = "false" });
        await cold.Services.GetRequiredService<DashboardWarmUp>().Finished.WaitAsync(TimeSpan.FromMinutes(5));
        using var admin = await cold.SignedInClientAsync(Role.SuperAdmin);

        var answers = await BatchAsync(admin, "executive");
        Assert.All(answers, answer => Assert.Equal("miss", answer.GetProperty("meta").GetProperty("cache").GetString()));
    }

    // The answers to the dashboard's tiles as the UI asks for them on a first visit, in one batch (no error line).
    private static async Task<List<JsonElement>> BatchAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"/api/dashboards/{id}", UriKind.Relative));
        var tiles = (await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("tiles").EnumerateArray().ToList();
        var queries = new JsonArray([.. tiles.Select(tile => (JsonNode)new JsonObject
        {
            ["id"] = tile.GetProperty("id").GetString(),
            ["spec"] = ShippedTilesTests.AsSent(tile.GetProperty("spec"), null),
        })]);

        var lines = await BatchLines.PostAsync(client, new JsonObject { ["queries"] = queries }.ToJsonString());
        Assert.Equal(queries.Count, lines.Count);
        return [.. BatchLines.Answers(lines).Values];
    }
}
