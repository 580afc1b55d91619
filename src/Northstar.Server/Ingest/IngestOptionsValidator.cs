using Microsoft.Extensions.Options;
using Northstar.Ingest.Webhooks;

namespace Northstar.Server.Ingest;

/// <summary>Validates <see cref="IngestOptions"/> at start-up; messages name the setting, never a secret's value.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    // Events wait for processing up to this long under load; longer would leave live dashboards visibly behind.
    private static readonly TimeSpan MaxProcessingInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        foreach (var (source, settings) in options.Sources)
        {
            if ((settings.Secret?.Length ?? 0) < WebhookSignature.MinimumSecretLength)
            {
                failures.Add(
                    $"{IngestOptions.SectionName}:Sources:{source}:Secret must be at least {WebhookSignature.MinimumSecretLength} " +
                    "characters (e.g. the output of `openssl rand -hex 32`).");
            }
        }

        if (options.MaxBodyBytes <= 0)
            failures.Add($"{IngestOptions.SectionName}:MaxBodyBytes must be a positive number of bytes.");
        if (options.MaxEventsPerRequest <= 0)
            failures.Add($"{IngestOptions.SectionName}:MaxEventsPerRequest must be a positive number.");
        if (options.ProcessingInterval < TimeSpan.Zero || options.ProcessingInterval > MaxProcessingInterval)
            failures.Add($"{IngestOptions.SectionName}:ProcessingInterval must be between 00:00:00 and {MaxProcessingInterval:c}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
