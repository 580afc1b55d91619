using Microsoft.Extensions.Options;

namespace Northstar.Server.Accounts;

/// <summary>Stops the start with a sentence naming each bad <c>Northstar:Accounts</c> setting (never echoing a password).</summary>
internal sealed class AccountsOptionsValidator : IValidateOptions<AccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountsOptions options)
    {
        var failures = new List<string>();
        if (options.SessionHours is < 1 or > 24 * 30)
            failures.Add($"{AccountsOptions.SectionName}:SessionHours must be between 1 and 720.");
        if (options.IdleMinutes < 1 || options.IdleMinutes > options.SessionHours * 60)
            failures.Add($"{AccountsOptions.SectionName}:IdleMinutes must be at least 1 and at most SessionHours in minutes.");
        if (!EmailAddress.IsValid(EmailAddress.Normalize(options.InitialAdminEmail)))
            failures.Add($"{AccountsOptions.SectionName}:InitialAdminEmail must be an email address.");
        if (options.InitialAdminPassword is { } password && Passwords.Problem(password) is { } problem)
            failures.Add($"{AccountsOptions.SectionName}:InitialAdminPassword: {problem}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
