namespace Northstar.Server.Accounts;

/// <summary>What a sign-in attempt came to: the user and their new session, or a refusal (with how long to wait when throttled).</summary>
internal sealed record SignInOutcome(UserAccount? User, string? SessionToken, TimeSpan? RetryAfter)
{
    public static SignInOutcome Refused { get; } = new(null, null, null);

    public static SignInOutcome Throttled(TimeSpan retryAfter) => new(null, null, retryAfter);
}
