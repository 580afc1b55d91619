namespace Northstar.Server.Accounts;

/// <summary>Sign-in settings, bound from <c>Northstar:Accounts</c> and validated at start-up.</summary>
public sealed class AccountsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Accounts";

    /// <summary>Hours a session lasts from sign-in, whatever its use (absolute expiry).</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>Minutes without a request after which a session ends (idle expiry).</summary>
    public int IdleMinutes { get; set; } = 120;

    /// <summary>The email of the Super Admin created at the first start, when there is no user yet.</summary>
    public string InitialAdminEmail { get; set; } = "admin@northstar.local";

    /// <summary>The initial Super Admin's password; unset, a random one is generated and printed once.</summary>
    public string? InitialAdminPassword { get; set; }
}
