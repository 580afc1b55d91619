using System.CommandLine;
using System.Globalization;
using Northstar.Core.Rollups;
using Northstar.Server.Accounts;
using Northstar.Server.Extensions;
using Northstar.Server.Startup;
using Northstar.Warehouse;

namespace Northstar.Server.Cli;

/// <summary>
/// <c>northstar users add|list|set-role|reset-password</c>: manages users from the server's shell, e.g. to recover a
/// lost Super Admin password. Generated passwords are printed once, never logged; every change is audited (actor "cli").
/// Like every first start, the first run on an empty warehouse also creates the initial Super Admin.
/// </summary>
internal static class UsersCommand
{
    private const string Actor = "cli";

    private static readonly Option<string> Email = new("--email") { Description = "The user's sign-in email.", Required = true };
    private static readonly Option<string> Name = new("--name") { Description = "The name shown in the UI.", Required = true };
    private static readonly Option<string> RoleOption = new Option<string>("--role")
    {
        Description = $"One of {string.Join(", ", RoleNames.All)}.",
        Required = true,
    }.AcceptOnlyFromAmong([.. RoleNames.All]);
    private static readonly Option<string[]> Branch = new("--branch")
    {
        Description = "A branch (location id) the user is limited to; repeat for several. None: every branch (not for a manager).",
        AllowMultipleArgumentsPerToken = false,
    };
    private static readonly Option<string?> Employee = new("--employee") { Description = "The employee id a staff user is (their own records)." };
    private static readonly Option<string?> Password = new("--password")
    {
        Description = $"The password (at least {Passwords.MinLength} characters); generated and printed once when not given.",
    };

    public static Command Create()
    {
        var add = new Command("add", "Create a user.") { Email, Name, RoleOption, Branch, Employee, Password };
        add.SetAction(AddAsync);
        var list = new Command("list", "List the users with their role, branches and state.");
        list.SetAction(ListAsync);
        var setRole = new Command("set-role", "Change a user's role (and branches with --branch); ends their sessions.") { Email, RoleOption, Branch };
        setRole.SetAction(SetRoleAsync);
        var resetPassword = new Command("reset-password", "Give a user a new generated password (printed once); ends their sessions.") { Email };
        resetPassword.SetAction(ResetPasswordAsync);

        var users = new Command("users", "Manage the users who sign in.") { add, list, setRole, resetPassword };
        foreach (var verb in users.Subcommands)
            verb.TreatUnmatchedTokensAsErrors = false;
        return users;
    }

    private static Task<int> AddAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        RunAsync(parseResult, cancellationToken, async (services, output, error) =>
        {
            var email = EmailAddress.Normalize(parseResult.GetRequiredValue(Email));
            if (!EmailAddress.IsValid(email))
                return await FailAsync(error, 2, "users add: --email must be an email address (name@example.com).");
            if (UserRequests.DisplayNameProblem(parseResult.GetRequiredValue(Name)) is { } nameProblem)
                return await FailAsync(error, 2, $"users add: --name: {nameProblem}");
            var role = ParseRole(parseResult);
            var branches = UserRequests.Normalize(parseResult.GetValue(Branch));
            if (UserRequests.BranchesProblem(branches) is { } branchProblem)
                return await FailAsync(error, 2, $"users add: --branch: {branchProblem}");
            var given = parseResult.GetValue(Password);
            if (given is not null && Passwords.Problem(given) is { } passwordProblem)
                return await FailAsync(error, 2, $"users add: --password: {passwordProblem}");

            var password = given ?? Passwords.Generate();
            var employee = parseResult.GetValue(Employee) is { Length: > 0 } id ? id.Trim() : null;
            var user = await services.GetRequiredService<AccountStore>().CreateAsync(
                new NewUser(email, parseResult.GetRequiredValue(Name).Trim(), role, branches, employee),
                services.GetRequiredService<Passwords>().Hash(email, password), cancellationToken);
            if (user is null)
                return await FailAsync(error, 1, $"users add: --email: a user with the email {email} exists already.");

            await Audit(services).WriteAsync(null, Actor, AuditActions.UserCreated, "user", Id(user.Id),
                new { email, displayName = user.DisplayName, role = role.Name(), branches, employeeId = employee }, null, cancellationToken);
            await output.WriteLineAsync($"Created {role.Name()} {email} (id {Id(user.Id)}).");
            if (given is null)
                await output.WriteLineAsync($"Password: {password}  (shown only this once)");
            return 0;
        });

    private static Task<int> ListAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        RunAsync(parseResult, cancellationToken, async (services, output, _) =>
        {
            var users = await services.GetRequiredService<AccountStore>().ListAsync(cancellationToken);
            await output.WriteLineAsync($"{"id",-6} {"email",-40} {"role",-12} {"branches",-20} {"employee",-10} {"state",-8} last sign-in");
            foreach (var user in users)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{user.Id,-6} {user.Email,-40} {user.Role.Name(),-12} {(user.Branches.Count == 0 ? "all" : string.Join(',', user.Branches)),-20} {user.EmployeeId ?? "-",-10} {(user.IsActive ? "active" : "inactive"),-8} {user.LastLoginAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
            }

            return 0;
        });

    private static Task<int> SetRoleAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        RunAsync(parseResult, cancellationToken, async (services, output, error) =>
        {
            var email = EmailAddress.Normalize(parseResult.GetRequiredValue(Email));
            var accounts = services.GetRequiredService<AccountStore>();
            if (await accounts.FindByEmailAsync(email, cancellationToken) is not { } current)
                return await FailAsync(error, 1, $"users set-role: --email: there is no user {email}.");
            var role = ParseRole(parseResult);
            var branches = parseResult.GetResult(Branch) is null ? null : UserRequests.Normalize(parseResult.GetValue(Branch));
            if (UserRequests.BranchesProblem(branches) is { } branchProblem)
                return await FailAsync(error, 2, $"users set-role: --branch: {branchProblem}");

            var updated = (await accounts.UpdateAsync(current.Id, new UserChanges(Role: role, Branches: branches), cancellationToken))!;
            await services.GetRequiredService<SessionStore>().RevokeAllAsync(current.Id, cancellationToken);
            await Audit(services).WriteAsync(null, Actor, AuditActions.UserUpdated, "user", Id(current.Id),
                new
                {
                    changes = new
                    {
                        role = new { old = current.Role.Name(), @new = updated.Role.Name() },
                        branches = new { old = current.Branches, @new = updated.Branches },
                    },
                }, null, cancellationToken);
            await output.WriteLineAsync(
                $"{email} is now {role.Name()} of {(updated.Branches.Count == 0 ? "every branch" : string.Join(", ", updated.Branches))}; their sessions have ended.");
            return 0;
        });

    private static Task<int> ResetPasswordAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        RunAsync(parseResult, cancellationToken, async (services, output, error) =>
        {
            var email = EmailAddress.Normalize(parseResult.GetRequiredValue(Email));
            var accounts = services.GetRequiredService<AccountStore>();
            if (await accounts.FindByEmailAsync(email, cancellationToken) is not { } user)
                return await FailAsync(error, 1, $"users reset-password: --email: there is no user {email}.");

            var password = Passwords.Generate();
            await accounts.SetPasswordHashAsync(user.Id, services.GetRequiredService<Passwords>().Hash(email, password), cancellationToken);
            await services.GetRequiredService<SessionStore>().RevokeAllAsync(user.Id, cancellationToken);
            await Audit(services).WriteAsync(null, Actor, AuditActions.PasswordReset, "user", Id(user.Id), new { email }, null, cancellationToken);
            await output.WriteLineAsync($"New password for {email}: {password}  (shown only this once; their sessions have ended)");
            return 0;
        });

    /// <summary>Builds the verb's host, prepares the warehouse and creates the initial Super Admin if needed, then runs the verb.</summary>
    private static async Task<int> RunAsync(
        ParseResult parseResult, CancellationToken cancellationToken, Func<IServiceProvider, TextWriter, TextWriter, Task<int>> verb)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await using var app = CliHost.Build(parseResult.UnmatchedTokens, builder => builder.AddAccountStores());
        var services = app.Services;
        await WarehousePreparation.PrepareAsync(
            services.GetRequiredService<IWarehouse>(), services.GetRequiredService<RollupMaintenance>(), cancellationToken);
        await services.GetRequiredService<InitialAdmin>().EnsureAsync(output, cancellationToken);
        return await verb(services, output, parseResult.InvocationConfiguration.Error);
    }

    private static Role ParseRole(ParseResult parseResult) =>
        RoleNames.TryParse(parseResult.GetRequiredValue(RoleOption), out var role) ? role : throw new InvalidOperationException("--role was checked by the parser.");

    private static AuditLog Audit(IServiceProvider services) => services.GetRequiredService<AuditLog>();

    private static async Task<int> FailAsync(TextWriter error, int exitCode, string message)
    {
        await error.WriteLineAsync(message);
        return exitCode;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
