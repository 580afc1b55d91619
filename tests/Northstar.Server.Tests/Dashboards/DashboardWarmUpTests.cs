using System.Net;
using System.Text;
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
            var lines = await BatchAsync(admin, id);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Equal("hit", line.GetProperty("answer").GetProperty("meta").GetProperty("cache").GetString()));
        }

        // Another scope was not warmed: its answers are computed.
        var branch = (string)(await warmed.RowsAsync("select min(location_id) from gold.dim_location where location_key <> 0"))[0][0]!;
        using var manager = await warmed.SignedInClientAsync(Role.Manager, [branch]);
        var managers = await BatchAsync(manager, "executive");
        Assert.All(managers, line => Assert.Equal("miss", line.GetProperty("answer").GetProperty("meta").GetProperty("cache").GetString()));
    }

    [Fact]
    public async Task Turned_off_nothing_is_cached_before_the_first_visit()
    {
        var facts = await demo.Facts;
        await using var cold = await facts.WithRollupsAsync(new Dictionary<string, string?> { [NorthstarAppFactory.WarmUpSetting] = "false" });
        await cold.Services.GetRequiredService<DashboardWarmUp>().Finished.WaitAsync(TimeSpan.FromMinutes(5));
        using var admin = await cold.SignedInClientAsync(Role.SuperAdmin);

        var lines = await BatchAsync(admin, "executive");
        Assert.Contains(lines, line => line.GetProperty("answer").GetProperty("meta").GetProperty("cache").GetString() == "miss");
    }

    // The dashboard's tiles as the UI sends them on a first visit, in one batch; every line must carry an answer.
    private static async Task<List<JsonElement>> BatchAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"/api/dashboards/{id}", UriKind.Relative));
        var tiles = (await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("tiles").EnumerateArray().ToList();
        var queries = new JsonArray([.. tiles.Select(tile => (JsonNode)new JsonObject
        {
            ["id"] = tile.GetProperty("id").GetString(),
            ["spec"] = ShippedTilesTests.AsSent(tile.GetProperty("spec"), null),
        })]);

        using var batch = await client.PostAsync(new Uri("/api/query/batch", UriKind.Relative),
            new StringContent(new JsonObject { ["queries"] = queries }.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await batch.Content.ReadAsStringAsync();
        Assert.True(batch.StatusCode == HttpStatusCode.OK, text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Equal(queries.Count, lines.Count);
        Assert.All(lines, line => Assert.True(line.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Object, line.GetRawText()));
        return lines;
    }
}
