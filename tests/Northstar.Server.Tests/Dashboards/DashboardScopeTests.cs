using System.Net;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>
/// A dashboard's tiles are left out for a caller whose scope cannot read them: marketing spend has a branch column but
/// no employee column (model/marketing.yaml), so a Staff user, restricted to their own records, cannot read it.
/// </summary>
public sealed class DashboardScopeTests : IAsyncLifetime
{
    private const string Dashboard = """
        title: Mixed
        tiles:
          - { id: revenue, title: Revenue, viz: kpi, position: { x: 0, y: 0, w: 4, h: 2 }, spec: { metrics: [revenue] } }
          - { id: spend, title: Spend, viz: kpi, position: { x: 4, y: 0, w: 4, h: 2 }, spec: { metrics: [marketing_spend] } }
          - id: revenue_export_spend
            title: Revenue, exporting spend
            viz: kpi
            position: { x: 8, y: 0, w: 4, h: 2 }
            spec: { metrics: [revenue] }
            export: { metrics: [marketing_spend], dimensions: [channel] }
        """;

    private readonly TempFolder _data = new();
    private readonly DashboardFolder _dashboards = new DashboardFolder().With("mixed", Dashboard);
    private readonly NorthstarAppFactory _app;

    public DashboardScopeTests()
    {
        var settings = NorthstarAppFactory.DuckDbSettings(_data.Path);
        settings["Northstar:Dashboards:Path"] = _dashboards.Path;
        _app = new NorthstarAppFactory(settings);
    }

    [Theory]
    [InlineData("super_admin", new[] { "revenue", "spend", "revenue_export_spend" })]
    [InlineData("manager", new[] { "revenue", "spend", "revenue_export_spend" })]
    [InlineData("viewer", new[] { "revenue", "spend", "revenue_export_spend" })]
    [InlineData("staff", new[] { "revenue" })]
    public async Task A_role_gets_only_the_tiles_its_scope_can_read(string role, string[] expected)
    {
        Assert.True(RoleNames.TryParse(role, out var parsed));
        using var client = await _app.SignedInClientAsync(parsed, ["b1"], employeeId: parsed == Role.Staff ? "emp-1" : null);

        using var response = await client.GetAsync(new Uri("/api/dashboards/mixed", UriKind.Relative));
        var dashboard = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(expected, dashboard.GetProperty("tiles").EnumerateArray().Select(tile => tile.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_refused_tile_is_refused_by_the_query_api_too()
    {
        using var staff = await _app.SignedInClientAsync(Role.Staff, ["b1"], employeeId: "emp-1");

        using var response = await staff.PostAsync(new Uri("/api/query", UriKind.Relative),
            new StringContent("""{ "metrics": ["marketing_spend"] }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _dashboards.Dispose();
        _data.Dispose();
    }
}
