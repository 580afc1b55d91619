using Microsoft.Extensions.Options;

namespace Northstar.Server.Live;

/// <summary>Validates <see cref="LiveOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.MaxSubscriptionsPerConnection), options.MaxSubscriptionsPerConnection, 1, 1000);
        Check(failures, nameof(options.RevalidateSeconds), options.RevalidateSeconds, 1, 3600);
        Check(failures, nameof(options.ClaimSeconds), options.ClaimSeconds, 1, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
            failures.Add($"{LiveOptions.SectionName}:{setting} must be between {min:N0} and {max:N0} (it is {value:N0}).");
    }
}
