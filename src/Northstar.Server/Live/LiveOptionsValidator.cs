using Microsoft.Extensions.Options;
using Northstar.Server.Options;

namespace Northstar.Server.Live;

/// <summary>Validates <see cref="LiveOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, LiveOptions.SectionName, nameof(options.MaxSubscriptionsPerConnection), options.MaxSubscriptionsPerConnection, 1, 1000);
        SettingRange.Check(failures, LiveOptions.SectionName, nameof(options.RevalidateSeconds), options.RevalidateSeconds, 1, 3600);
        SettingRange.Check(failures, LiveOptions.SectionName, nameof(options.ClaimSeconds), options.ClaimSeconds, 1, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
