using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.EndToEnd.Tests;

/// <summary>
/// The browser and the app with a small company in it, set up through the public API as a deployment would: two
/// branches delivered by a signed webhook, and one user per role created by the first Super Admin.
/// </summary>
public sealed class CompanyFixture : BrowserFixture
{
    /// <summary>The password every user of the company signs in with.</summary>
    public const string Password = "e2e-user-password-0123";

    public static readonly PersonOfRole SuperAdmin = new("sara@e2e.test", "Sara Superadmin", "super_admin", "Super Admin", []);
    public static readonly PersonOfRole Manager = new("mona@e2e.test", "Mona Manager", "manager", "Manager", ["north"]);
    public static readonly PersonOfRole Staff = new("sam@e2e.test", "Sam Staff", "staff", "Staff", ["north"]);
    public static readonly PersonOfRole Viewer = new("vic@e2e.test", "Vic Viewer", "viewer", "Viewer", []);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DeliverBranchesAsync();
        using var admin = await ApiSession.SignInAsync(BaseAddress, KestrelApp.AdminEmail, KestrelApp.AdminPassword);
        await WaitForBranchesAsync(admin, 2);
        foreach (var person in new[] { SuperAdmin, Manager, Staff, Viewer })
        {
            await admin.PostAsync("/api/users", new
            {
                email = person.Email,
                displayName = person.DisplayName,
                role = person.Role,
                branches = person.Branches,
                password = Password,
            });
        }
    }

    /// <summary>Branches North and South, as a point-of-sale system would send them.</summary>
    private Task DeliverBranchesAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return SignedWebhook.PostAsync(BaseAddress, "locations",
        [
            new LocationEvent("north", now, "North", City: "Leeds"),
            new LocationEvent("south", now, "South", City: "Brighton"),
        ]);
    }

    /// <summary>Events are processed into the warehouse right after they are accepted: waits until the branches are there, for at most 60 s.</summary>
    private static async Task WaitForBranchesAsync(ApiSession admin, int expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var branches = await admin.GetAsync<JsonElement[]>("/api/branches");
            if (branches.Length == expected)
                return;
            Assert.False(deadline.IsCancellationRequested, $"GET /api/branches lists {branches.Length} branches, not {expected}, after 60 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }
}

/// <summary>A user of the test company: how they sign in, the name and role label the UI shows, their branch ids.</summary>
public sealed record PersonOfRole(string Email, string DisplayName, string Role, string RoleLabel, IReadOnlyList<string> Branches);
