using Microsoft.Extensions.Options;

namespace Northstar.Server.Queries;

/// <summary>Validates <see cref="QueryOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class QueryOptionsValidator : IValidateOptions<QueryOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.MaxRows), options.MaxRows, 1, 1_000_000);
        Check(failures, nameof(options.StatementTimeoutSeconds), options.StatementTimeoutSeconds, 1, 3600);
        Check(failures, nameof(options.CacheSizeMegabytes), options.CacheSizeMegabytes, 1, 65_536);
        Check(failures, nameof(options.CacheMinutes), options.CacheMinutes, 1, 7 * 24 * 60);
        Check(failures, nameof(options.BatchParallelism), options.BatchParallelism, 1, 64);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
            failures.Add($"{QueryOptions.SectionName}:{setting} must be between {min:N0} and {max:N0} (it is {value:N0}).");
    }
}
