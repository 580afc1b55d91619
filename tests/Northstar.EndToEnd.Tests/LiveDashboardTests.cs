using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Northstar.Ingest.Wire;
using Northstar.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// Live KPIs in Chromium: a Manager of one branch and a Super Admin watch the sales dashboard while orders arrive by
/// the signed webhook; each sees exactly the changes of their scope without reloading, and a dropped connection comes
/// back with the current values.
/// </summary>
public sealed class LiveDashboardTests(DemoCompanyFixture fixture, ITestOutputHelper output) : IClassFixture<DemoCompanyFixture>
{
    private const decimal OrderTotal = 123.45m;

    private int _orders;

    [BrowserFact]
    public async Task Orders_reach_the_open_dashboards_of_the_scopes_they_belong_to_without_a_reload()
    {
        var managerBranch = fixture.ManagerBranch.Id;
        var otherBranch = fixture.Branches.First(branch => branch.Id != managerBranch).Id;
        var admin = await OpenLiveAsync(await fixture.NewSignedInPageAsync());
        var manager = await OpenLiveAsync(await fixture.NewPageSignedInAsAsync(DemoCompanyFixture.ManagerEmail));
        var adminBefore = await KpisAsync(null);
        var managerBefore = await KpisAsync(managerBranch);

        var sent = Stopwatch.StartNew();
        await SendOrderAsync(managerBranch);
        await admin.ExpectKpiAsync("kpis", "orders", adminBefore.Orders + 1);
        output.WriteLine($"Super Admin saw the order after {sent.ElapsedMilliseconds} ms");
        await manager.ExpectKpiAsync("kpis", "orders", managerBefore.Orders + 1);
        output.WriteLine($"Manager saw the order after {sent.ElapsedMilliseconds} ms");
        await admin.ExpectKpiAsync("kpis", "revenue", adminBefore.Revenue + OrderTotal);
        await manager.ExpectKpiAsync("kpis", "revenue", managerBefore.Revenue + OrderTotal);

        await SendOrderAsync(otherBranch);
        await admin.ExpectKpiAsync("kpis", "orders", adminBefore.Orders + 2);
        await SendOrderAsync(managerBranch);
        await admin.ExpectKpiAsync("kpis", "orders", adminBefore.Orders + 3);
        await manager.ExpectKpiAsync("kpis", "orders", managerBefore.Orders + 2);

        // Neither page reloaded: the updates came over the live connection and marked their tiles.
        Assert.Equal(1, await admin.Page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"));
        await Expect(admin.Tile("kpis")).ToHaveAttributeAsync("data-updated-at", new System.Text.RegularExpressions.Regex("^\\d{4}-"));
        await Expect(manager.Tile("kpis")).ToHaveAttributeAsync("data-updated-at", new System.Text.RegularExpressions.Regex("^\\d{4}-"));
        Assert.Equal(managerBefore.Orders + 2, (await KpisAsync(managerBranch)).Orders);
    }

    [BrowserFact]
    public async Task A_dropped_connection_reconnects_and_shows_what_changed_while_it_was_down()
    {
        var dashboard = await OpenLiveAsync(await fixture.NewSignedInPageAsync());
        var before = await KpisAsync(null);

        // Refuse reconnection until the order below is in: the page must learn of it from the fresh snapshot.
        await dashboard.Page.RouteAsync("**/hubs/live/negotiate**", route => route.AbortAsync());
        Assert.True(fixture.DropLiveConnections() > 0, "The dashboard had no live connection.");
        await Expect(dashboard.Page.Locator("header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "reconnecting");
        await SendOrderAsync(fixture.ManagerBranch.Id);
        await WaitForApiOrdersAsync(before.Orders + 1);
        await dashboard.Page.UnrouteAllAsync();

        await Expect(dashboard.Page.Locator("header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "live", new() { Timeout = 60_000 });
        await dashboard.ExpectKpiAsync("kpis", "orders", before.Orders + 1);
        await dashboard.ExpectKpiAsync("kpis", "revenue", before.Revenue + OrderTotal);
    }

    private static async Task<DashboardPage> OpenLiveAsync(IPage page)
    {
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync("sales");
        await Expect(page.Locator("header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "live", new() { Timeout = 60_000 });
        return dashboard;
    }

    /// <summary>
    /// One order of <see cref="OrderTotal"/> for <paramref name="branch"/>, sent now through the signed webhook and placed
    /// a day ago: an order placed now falls on the branch's local date, which for a branch east of the company's time
    /// zone is already tomorrow (after the company's "last 30 days") for an hour each night.
    /// </summary>
    private Task SendOrderAsync(string branch)
    {
        var now = DateTimeOffset.UtcNow;
        var id = string.Create(CultureInfo.InvariantCulture, $"live-e2e-{Interlocked.Increment(ref _orders)}-{Guid.NewGuid():N}");
        return SignedWebhook.PostAsync(fixture.BaseAddress, "orders",
        [
            new OrderEvent(id, now, branch, now.AddDays(-1), [new OrderLineItem(1, 1, OrderTotal, OrderTotal, "live-e2e-product")],
                Subtotal: OrderTotal, Total: OrderTotal),
        ]);
    }

    /// <summary>The sales KPIs of the dashboard's default view (last 30 days), as the query API answers them.</summary>
    private async Task<(decimal Orders, decimal Revenue)> KpisAsync(string? branch)
    {
        using var admin = await fixture.AdminAsync();
        var spec = new Dictionary<string, object>
        {
            ["metrics"] = new[] { "orders", "revenue" },
            ["time"] = new { range = new { preset = "last_30_days" } },
        };
        if (branch is not null)
            spec["filters"] = new[] { new { member = "location_id", op = "equals", values = new[] { branch } } };
        var totals = (await admin.PostAsync<JsonElement>("/api/query", spec)).GetProperty("totals");
        return (totals.GetProperty("orders").GetDecimal(), totals.GetProperty("revenue").GetDecimal());
    }

    /// <summary>Waits (at most a minute) until the query API counts <paramref name="orders"/> orders: the order was processed.</summary>
    private async Task WaitForApiOrdersAsync(decimal orders)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await KpisAsync(null)).Orders < orders)
        {
            Assert.False(deadline.IsCancellationRequested, $"The order was not processed within a minute (expected {orders} orders).");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }
}
