using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary><c>GET /api/dashboards</c> and <c>GET /api/dashboards/{id}</c> on the shipped dashboards.</summary>
public sealed class DashboardsApiTests(ShippedDashboardsApp fixture) : IClassFixture<ShippedDashboardsApp>
{
    [Fact]
    public async Task The_list_gives_the_shipped_dashboards_by_order()
    {
        using var client = await fixture.App.SignedInClientAsync(Role.Viewer);
        using var admin = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        using var response = await client.GetAsync(new Uri("/api/dashboards", UriKind.Relative));
        using var adminResponse = await admin.GetAsync(new Uri("/api/dashboards", UriKind.Relative));
        var list = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        var adminsList = await HttpAssert.JsonAsync(adminResponse, HttpStatusCode.OK);

        // The Technology dashboard reads only subjects without a scope column: a Super Admin's alone.
        Assert.Equal(["executive", "sales"], list.EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        Assert.Equal(["executive", "sales", "technology"], adminsList.EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        var executive = list[0];
        Assert.Equal("Executive", executive.GetProperty("title").GetString());
        Assert.Equal(1, executive.GetProperty("order").GetInt32());
        Assert.StartsWith("Revenue, lead flow", executive.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["id", "title", "description", "order"], executive.EnumerateObject().Select(member => member.Name));
    }

    [Fact]
    public async Task A_dashboard_is_served_with_its_tiles_specs_positions_exports_and_options()
    {
        using var client = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        using var response = await client.GetAsync(new Uri("/api/dashboards/sales", UriKind.Relative));
        var sales = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("Sales analytics", sales.GetProperty("title").GetString());
        var tiles = sales.GetProperty("tiles").EnumerateArray().ToDictionary(tile => tile.GetProperty("id").GetString()!);
        Assert.Subset(tiles.Keys.ToHashSet(), new HashSet<string> { "kpis", "revenue_trend", "cohorts", "segments", "value_distribution", "top_products" });
        var trend = tiles["revenue_trend"];
        Assert.Equal("bar_line", trend.GetProperty("viz").GetString());
        Assert.Equal("""{"x":0,"y":2,"w":12,"h":4}""", trend.GetProperty("position").GetRawText());
        Assert.Equal("""{"metrics":["revenue","orders"],"time":{"grain":"day"}}""", trend.GetProperty("spec").GetRawText());
        Assert.Equal("""{"bars":["revenue"],"lines":["orders"]}""", trend.GetProperty("options").GetRawText());
        // The sales dashboard's export: the sales by day, branch and product.
        Assert.All(tiles.Values, tile => Assert.Equal(["units", "revenue", "orders"],
            tile.GetProperty("export").GetProperty("metrics").EnumerateArray().Select(metric => metric.GetString())));
        Assert.Equal("""{"analysis":"cohort_retention"}""", tiles["cohorts"].GetProperty("spec").GetRawText());
        Assert.Equal(JsonValueKind.Null, tiles["kpis"].GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task A_tile_without_an_export_of_its_own_or_its_dashboards_exports_its_spec()
    {
        using var manager = await fixture.App.SignedInClientAsync(Role.Manager, ["b1"]);
        using var admin = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        using var response = await manager.GetAsync(new Uri("/api/dashboards/executive", UriKind.Relative));
        using var adminResponse = await admin.GetAsync(new Uri("/api/dashboards/executive", UriKind.Relative));
        var executive = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        var adminsExecutive = await HttpAssert.JsonAsync(adminResponse, HttpStatusCode.OK);

        // A Manager's scope reads every subject of the executive dashboard: the whole dashboard.
        Assert.Equal(adminsExecutive.GetRawText(), executive.GetRawText());
        var tiles = executive.GetProperty("tiles").EnumerateArray().ToList();
        Assert.NotEmpty(tiles);
        Assert.All(tiles, tile => Assert.Equal(tile.GetProperty("spec").GetRawText(), tile.GetProperty("export").GetRawText()));
    }

    [Fact]
    public async Task A_dashboard_without_a_tile_the_caller_can_read_is_a_404_and_the_technology_one_has_no_branch_filter()
    {
        using var manager = await fixture.App.SignedInClientAsync(Role.Manager, ["b1"]);
        using var admin = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        using var managers = await manager.GetAsync(new Uri("/api/dashboards/technology", UriKind.Relative));
        using var admins = await admin.GetAsync(new Uri("/api/dashboards/technology", UriKind.Relative));
        var technology = await HttpAssert.JsonAsync(admins, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, managers.StatusCode);
        Assert.False(technology.GetProperty("branchFilter").GetBoolean());
        Assert.Equal(5, technology.GetProperty("liveIntervalSeconds").GetInt32());
        Assert.Contains("api_p95_ms", technology.GetProperty("tiles")[0].GetProperty("spec").GetProperty("metrics").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dashboard_is_a_404_problem()
    {
        using var client = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        using var response = await client.GetAsync(new Uri("/api/dashboards/nothing", UriKind.Relative));
        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.NotFound, "application/problem+json");

        Assert.Equal("There is no dashboard 'nothing'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/dashboards")]
    [InlineData("/api/dashboards/sales")]
    public async Task Anonymous_callers_get_401(string path)
    {
        using var client = fixture.App.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_loaded_dashboards_are_the_shipped_files()
    {
        var loaded = DashboardFolder.Load(DashboardFolder.Shipped);
        using var client = await fixture.App.SignedInClientAsync(Role.SuperAdmin);

        foreach (var dashboard in loaded.All)
        {
            using var response = await client.GetAsync(new Uri($"/api/dashboards/{dashboard.Response.Id}", UriKind.Relative));
            var served = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            var expected = JsonSerializer.Serialize(dashboard.Response, JsonSerializerOptions.Web);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(served.GetRawText())), $"{expected}\n{served}");
        }
    }
}
