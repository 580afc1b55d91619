using Microsoft.Extensions.Options;

namespace Northstar.Server.Accounts;

/// <summary>
/// The first Super Admin: created when <c>app.users</c> is empty, with <see cref="AccountsOptions.InitialAdminEmail"/>
/// and the configured password, or a random one written once to <c>output</c> (the console, never a log).
/// </summary>
internal sealed class InitialAdmin(AccountStore accounts, Passwords passwords, AuditLog audit, IOptions<AccountsOptions> options)
{
    /// <summary>Creates the first Super Admin unless a user exists; returns whether it did.</summary>
    public async Task<bool> EnsureAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
            return false;

        var settings = options.Value;
        var email = EmailAddress.Normalize(settings.InitialAdminEmail);
        var password = settings.InitialAdminPassword ?? Passwords.Generate();
        // Two nodes starting on an empty database race here: the unique email lets only one create it.
        var user = await accounts.CreateAsync(
            new NewUser(email, "Administrator", Role.SuperAdmin, [], null), passwords.Hash(email, password), cancellationToken).ConfigureAwait(false);
        if (user is null)
            return false;

        await audit.WriteAsync(null, "system", AuditActions.UserCreated, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { email, role = RoleNames.SuperAdmin, initialAdmin = true }, null, cancellationToken).ConfigureAwait(false);
        if (settings.InitialAdminPassword is null)
        {
            await output.WriteLineAsync(
                $"Created the first Super Admin {email} with the password {password} (shown only this once; change it after signing in).")
                .ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"Created the first Super Admin {email} with the configured password.").ConfigureAwait(false);
        }

        return true;
    }
}
