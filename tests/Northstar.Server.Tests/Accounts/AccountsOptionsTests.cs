using Microsoft.Extensions.Options;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Accounts;

/// <summary><c>Northstar:Accounts</c> is checked at start-up, each bad setting named, a password never echoed.</summary>
public sealed class AccountsOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var result = new AccountsOptionsValidator().Validate(null, new AccountsOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Each_bad_setting_is_named_and_the_password_is_not_echoed()
    {
        var result = new AccountsOptionsValidator().Validate(null, new AccountsOptions
        {
            SessionHours = 0,
            IdleMinutes = 0,
            InitialAdminEmail = "not an email",
            InitialAdminPassword = "short-pw",
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        foreach (var setting in new[] { "SessionHours", "IdleMinutes", "InitialAdminEmail", "InitialAdminPassword" })
            Assert.Contains(failures, failure => failure.Contains($"Northstar:Accounts:{setting}", StringComparison.Ordinal));
        Assert.DoesNotContain("short-pw", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_does_not_start_with_a_bad_setting()
    {
        using var folder = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(folder.Path);
        settings["Northstar:Accounts:IdleMinutes"] = "-5";
        await using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Northstar:Accounts:IdleMinutes", failure.Message, StringComparison.Ordinal);
    }
}
