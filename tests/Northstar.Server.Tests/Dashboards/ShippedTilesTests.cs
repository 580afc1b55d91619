using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Queries.Verification;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>
/// Every tile of the shipped dashboards answers on the demo data (DuckDB) through one <c>POST /api/query/batch</c> per
/// dashboard, as the UI sends them: with the default date range where the spec names none, with and without the branch
/// filter, and the tile's export.
/// </summary>
public sealed class ShippedTilesTests(DuckDbDemo demo) : IClassFixture<DuckDbDemo>
{
    [Theory]
    [InlineData("executive")]
    [InlineData("sales")]
    public async Task Every_tile_of_a_shipped_dashboard_answers_without_an_error_line(string id)
    {
        var warehouse = await demo.Facts;
        using var admin = await warehouse.SignedInClientAsync(Role.SuperAdmin);
        var branch = (string)(await warehouse.RowsAsync("select min(location_id) from gold.dim_location where location_key <> 0"))[0][0]!;
        using var response = await admin.GetAsync(new Uri($"/api/dashboards/{id}", UriKind.Relative));
        var tiles = (await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("tiles").EnumerateArray().ToList();

        var queries = new JsonArray();
        foreach (var tile in tiles)
        {
            var tileId = tile.GetProperty("id").GetString()!;
            queries.Add(new JsonObject { ["id"] = tileId, ["spec"] = AsSent(tile.GetProperty("spec"), null) });
            queries.Add(new JsonObject { ["id"] = $"{tileId}@branch", ["spec"] = AsSent(tile.GetProperty("spec"), branch) });
            queries.Add(new JsonObject { ["id"] = $"{tileId}@export", ["spec"] = AsSent(tile.GetProperty("export"), branch) });
        }

        var lines = await BatchLines.PostAsync(admin, new JsonObject { ["queries"] = queries }.ToJsonString());

        Assert.Equal(queries.Count, lines.Count);
        Assert.Empty(lines.Where(line => line.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            .Select(line => line.GetRawText()));
        // The last 30 days end today, the day after the demo's last: the trend has a bar for each of the other 29.
        var trend = lines.Single(line => line.GetProperty("id").GetString() == "revenue_trend");
        Assert.Equal(29, trend.GetProperty("answer").GetProperty("rows").GetArrayLength());
    }

    // The spec as the UI sends it: the dashboard's range (30D) when it names none, and the branch filter when one is picked.
    internal static JsonObject AsSent(JsonElement spec, string? branch)
    {
        var sent = JsonNode.Parse(spec.GetRawText())!.AsObject();
        var time = sent["time"] as JsonObject ?? new JsonObject();
        time["range"] ??= new JsonObject { ["preset"] = "last_30_days" };
        sent["time"] = time;
        if (branch is not null)
        {
            var filters = sent["filters"] as JsonArray ?? [];
            filters.Add(new JsonObject { ["member"] = "location_id", ["op"] = "equals", ["values"] = new JsonArray(branch) });
            sent["filters"] = filters;
        }

        return sent;
    }
}
