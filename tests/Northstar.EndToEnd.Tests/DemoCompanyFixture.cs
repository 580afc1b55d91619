using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Northstar.Core.Rollups;
using Northstar.Ingest.Demo;
using Northstar.Server.Demo;
using Northstar.Server.Live;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The browser and the app with the demo company loaded as the <c>demo</c> verb loads it (a smaller one: 120 days of
/// five branches, up to today in the company's time zone), plus a Manager of one branch and a Viewer.
/// </summary>
public sealed class DemoCompanyFixture : BrowserFixture
{
    public const string Password = "e2e-demo-password-0123";

    public const string ManagerEmail = "branch.manager@e2e.test";

    public const string ViewerEmail = "viewer@e2e.test";

    /// <summary>The branch (id, name) the Manager runs.</summary>
    public (string Id, string Name) ManagerBranch { get; private set; }

    /// <summary>Every branch: id and name.</summary>
    public IReadOnlyList<(string Id, string Name)> Branches { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var warehouse = Services.GetRequiredService<IWarehouse>();
        await WarehousePreparation.PrepareAsync(warehouse, Services.GetRequiredService<RollupMaintenance>(), CancellationToken.None);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var data = DemoCompany.Generate(new DemoOptions { Days = 120, OrdersPerDay = 120, Today = today });
        await DemoLoader.LoadAsync(data, warehouse, Services.GetRequiredService<RollupMaintenance>(), Services.GetRequiredService<ILoggerFactory>(),
                                   TextWriter.Null, CancellationToken.None);

        using var admin = await AdminAsync();
        var branches = await admin.GetAsync<JsonElement[]>("/api/branches");
        Branches = [.. branches.Select(branch => (branch.GetProperty("id").GetString()!, branch.GetProperty("name").GetString()!))];
        ManagerBranch = Branches[1];
        await admin.PostAsync("/api/users", new
        {
            email = ManagerEmail, displayName = "Branch Manager", role = "manager", branches = new[] { ManagerBranch.Id }, password = Password,
        });
        await admin.PostAsync("/api/users", new { email = ViewerEmail, displayName = "Vera Viewer", role = "viewer", branches = Array.Empty<string>(), password = Password });
    }

    /// <summary>Ends every live connection from the server's side, as a network drop or a load balancer would.</summary>
    public int DropLiveConnections()
    {
        var clients = Services.GetRequiredService<LiveRegistry>().Clients();
        foreach (var client in clients)
            client.Close();
        return clients.Count;
    }

    /// <summary>An API session of the first Super Admin.</summary>
    public Task<ApiSession> AdminAsync() => ApiSession.SignInAsync(BaseAddress, KestrelApp.AdminEmail, KestrelApp.AdminPassword);

    /// <summary>A new page signed in (through the login API, as the login page does) as <paramref name="email"/>.</summary>
    public async Task<IPage> NewPageSignedInAsAsync(string email)
    {
        var page = await NewPageAsync();
        var response = await page.APIRequest.PostAsync("/api/auth/login", new APIRequestContextOptions
        {
            DataObject = new { email, password = Password },
        });
        Assert.True(response.Ok, $"Signing in as {email} answered {response.Status}: {await response.TextAsync()}");
        return page;
    }
}
