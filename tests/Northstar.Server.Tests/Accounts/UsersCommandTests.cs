using System.Text.RegularExpressions;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The <c>users</c> verbs, run as the built server process on a DuckDB warehouse of the test's own.</summary>
public sealed partial class UsersCommandTests
{
    [Fact]
    public async Task Users_add_prints_the_generated_password_once_and_list_shows_the_user_and_the_first_admin()
    {
        using var folder = new TempFolder();

        var added = await Users(folder, "add", "--email", "Ann@Example.com", "--name", "Ann Example", "--role", "manager", "--branch", "B1", "--branch", "B2");
        var listed = await Users(folder, "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Matches(FirstAdminLine(), added.Output);
        Assert.Contains("Created manager ann@example.com", added.Output, StringComparison.Ordinal);
        Assert.Matches(GeneratedPasswordLine(), added.Output);
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Matches(@"ann@example\.com\s+manager\s+B1,B2\s+-\s+active\s+never", listed.Output);
        Assert.Matches(@"admin@northstar\.local\s+super_admin\s+all", listed.Output);
        Assert.DoesNotMatch(FirstAdminLine(), listed.Output);
        Assert.DoesNotContain(GeneratedPasswordLine().Match(added.Output).Groups[1].Value, listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_role_and_reset_password_change_the_user_and_name_a_missing_one()
    {
        using var folder = new TempFolder();
        var added = await Users(folder, "add", "--email", "bo@example.com", "--name", "Bo", "--role", "staff", "--employee", "E1", "--password", "a-long-enough-password");

        var setRole = await Users(folder, "set-role", "--email", "bo@example.com", "--role", "viewer", "--branch", "B3");
        var reset = await Users(folder, "reset-password", "--email", "bo@example.com");
        var missing = await Users(folder, "reset-password", "--email", "nobody@example.com");
        var listed = await Users(folder, "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.DoesNotContain("a-long-enough-password", added.Output, StringComparison.Ordinal);
        Assert.True(setRole.ExitCode == 0, setRole.Error);
        Assert.Contains("bo@example.com is now viewer of B3", setRole.Output, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Matches(@"New password for bo@example\.com: [A-Za-z0-9_-]{24} ", reset.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--email: there is no user nobody@example.com", missing.Error, StringComparison.Ordinal);
        Assert.Matches(@"bo@example\.com\s+viewer\s+B3\s+E1", listed.Output);
    }

    [Fact]
    public async Task Bad_options_are_refused_naming_the_option_without_a_stack_trace()
    {
        using var folder = new TempFolder();

        var noName = await Users(folder, "add", "--email", "x@example.com", "--role", "viewer");
        var badRole = await Users(folder, "add", "--email", "x@example.com", "--name", "X", "--role", "owner");
        var badEmail = await Users(folder, "add", "--email", "not-an-email", "--name", "X", "--role", "viewer");
        var shortPassword = await Users(folder, "add", "--email", "x@example.com", "--name", "X", "--role", "viewer", "--password", "short");
        var duplicate = await Users(folder, "add", "--email", "admin@northstar.local", "--name", "X", "--role", "viewer");

        Assert.NotEqual(0, noName.ExitCode);
        Assert.Contains("--name", noName.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Contains("owner", badRole.Error, StringComparison.Ordinal);
        Assert.Equal(2, badEmail.ExitCode);
        Assert.Contains("--email", badEmail.Error, StringComparison.Ordinal);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("--password", shortPassword.Error, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("exists already", duplicate.Error, StringComparison.Ordinal);
        foreach (var result in new[] { noName, badRole, badEmail, shortPassword, duplicate })
            Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    private static Task<ServerProcess.Result> Users(TempFolder folder, params string[] arguments) =>
        ServerProcess.RunAsync(folder.Path, ["users", .. arguments, $"--Northstar:Database:DataDirectory={Path.Combine(folder.Path, "data")}"]);

    [GeneratedRegex(@"Created the first Super Admin admin@northstar\.local with the password [A-Za-z0-9_-]{24} ")]
    private static partial Regex FirstAdminLine();

    [GeneratedRegex(@"Password: ([A-Za-z0-9_-]{24})  \(shown only this once\)")]
    private static partial Regex GeneratedPasswordLine();
}
