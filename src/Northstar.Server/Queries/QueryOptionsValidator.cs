using Microsoft.Extensions.Options;
using Northstar.Server.Options;

namespace Northstar.Server.Queries;

/// <summary>Validates <see cref="QueryOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class QueryOptionsValidator : IValidateOptions<QueryOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, QueryOptions.SectionName, nameof(options.MaxRows), options.MaxRows, 1, 1_000_000);
        SettingRange.Check(failures, QueryOptions.SectionName, nameof(options.StatementTimeoutSeconds), options.StatementTimeoutSeconds, 1, 3600);
        SettingRange.Check(failures, QueryOptions.SectionName, nameof(options.CacheSizeMegabytes), options.CacheSizeMegabytes, 1, 65_536);
        SettingRange.Check(failures, QueryOptions.SectionName, nameof(options.CacheMinutes), options.CacheMinutes, 1, 7 * 24 * 60);
        SettingRange.Check(failures, QueryOptions.SectionName, nameof(options.BatchParallelism), options.BatchParallelism, 1, 64);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
