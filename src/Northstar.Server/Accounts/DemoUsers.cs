using System.Globalization;
using Northstar.Ingest.Demo;

namespace Northstar.Server.Accounts;

/// <summary>
/// One user per role for the demo company, besides the first Super Admin: the manager of its first branch, a staff user
/// who is one of that branch's sales reps, and a viewer. Created once per warehouse; their passwords are printed once.
/// </summary>
internal sealed class DemoUsers(AccountStore accounts, Passwords passwords, AuditLog audit)
{
    public const string ManagerEmail = "manager@evergreen.demo";
    public const string StaffEmail = "staff@evergreen.demo";
    public const string ViewerEmail = "viewer@evergreen.demo";

    private const string SalesRep = "sales_rep";

    public async Task EnsureAsync(DemoData data, TextWriter output, CancellationToken cancellationToken)
    {
        var branch = data.Locations.First();
        var rep = data.Employees.First(employee => employee.Role == SalesRep && employee.LocationId == branch.Id && employee.IsActive);
        var users = new[]
        {
            new NewUser(ManagerEmail, $"{branch.Name} Manager", Role.Manager, [branch.Id], null),
            new NewUser(StaffEmail, rep.Name, Role.Staff, [branch.Id], rep.Id),
            new NewUser(ViewerEmail, "Evergreen Viewer", Role.Viewer, [], null),
        };

        var created = new List<(NewUser User, string Password)>();
        foreach (var user in users)
        {
            var password = Passwords.Generate();
            if (await accounts.CreateAsync(user, passwords.Hash(user.Email, password), cancellationToken).ConfigureAwait(false) is not { } account)
                continue;
            created.Add((user, password));
            await audit.WriteAsync(null, "demo", AuditActions.UserCreated, "user", account.Id.ToString(CultureInfo.InvariantCulture),
                new { email = user.Email, role = user.Role.Name(), branches = user.Branches, employeeId = user.EmployeeId }, null, cancellationToken)
                .ConfigureAwait(false);
        }

        if (created.Count == 0)
        {
            await output.WriteLineAsync(
                $"The demo users ({ManagerEmail}, {StaffEmail}, {ViewerEmail}) exist already; `users reset-password --email ...` gives one a new password.")
                .ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync("Demo sign-ins (passwords shown only this once):").ConfigureAwait(false);
        foreach (var (user, password) in created)
        {
            var what = user.Role switch
            {
                Role.Manager => $"Manager of {branch.Name}",
                Role.Staff => $"Staff: {rep.Name}, sales rep {rep.Id} at {branch.Name}",
                _ => "Viewer: every branch, last 30 days",
            };
            await output.WriteLineAsync($"  {user.Email,-26} {password}  {what}").ConfigureAwait(false);
        }
    }
}
