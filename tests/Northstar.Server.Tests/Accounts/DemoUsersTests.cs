using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Npgsql;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The <c>demo</c> verb's users: one per role, their sign-ins printed once, the staff user a sales rep of the manager's branch.</summary>
public sealed partial class DemoUsersTests
{
    // On PostgreSQL, so the test can read the warehouse while the server holds it (a DuckDB file is one process's).
    [PostgresFact]
    public async Task Demo_prints_a_sign_in_per_role_and_the_staff_user_is_a_sales_rep_of_the_managers_branch()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var server = await RunningServer.StartVerbAsync(folder.Path, "demo",
            "--days", "2", "--branches", "2", "--orders-per-day", "20",
            "--Northstar:Database:Engine=postgres", $"--Northstar:Database:ConnectionString={database.ConnectionString}");

        var logins = SignInLine().Matches(server.Log).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        using var http = new HttpClient { BaseAddress = server.Address };
        var staff = await SignInAsync(http, "staff@evergreen.demo", logins["staff@evergreen.demo"]);
        var manager = await SignInAsync(http, "manager@evergreen.demo", logins["manager@evergreen.demo"]);
        var viewer = await SignInAsync(http, "viewer@evergreen.demo", logins["viewer@evergreen.demo"]);

        Assert.Matches(@"Created the first Super Admin admin@northstar\.local with the password [A-Za-z0-9_-]{24} ", server.Log);
        Assert.Equal("staff", staff.GetProperty("role").GetString());
        Assert.Equal("manager", manager.GetProperty("role").GetString());
        Assert.Equal("viewer", viewer.GetProperty("role").GetString());
        var branch = Assert.Single(manager.GetProperty("branches").EnumerateArray()).GetProperty("id").GetString();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var rep = await connection.QuerySingleAsync<(string Role, string Branch)>("""
            select e.role, l.location_id from gold.dim_employee e join gold.dim_location l on l.location_key = e.location_key
            where e.employee_id = @id
            """, new { id = staff.GetProperty("employeeId").GetString() });
        Assert.Equal(("sales_rep", branch), rep);
    }

    private static async Task<System.Text.Json.JsonElement> SignInAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("user");
    }

    [GeneratedRegex(@"  (\S+@evergreen\.demo)\s+([A-Za-z0-9_-]{24})  ")]
    private static partial Regex SignInLine();
}
