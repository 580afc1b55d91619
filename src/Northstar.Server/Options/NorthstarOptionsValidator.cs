using Microsoft.Extensions.Options;

namespace Northstar.Server.Options;

/// <summary>
/// Validates <see cref="NorthstarOptions"/> at start-up, so a bad setting stops the process with a sentence
/// naming it. Values are never echoed: connection strings may hold passwords.
/// </summary>
internal sealed class NorthstarOptionsValidator : IValidateOptions<NorthstarOptions>
{
    public ValidateOptionsResult Validate(string? name, NorthstarOptions options)
    {
        var failures = new List<string>(options.Database.Validate());
        if (!string.IsNullOrWhiteSpace(options.Redis) && !RedisAddress.IsValid(options.Redis))
        {
            failures.Add(
                $"{NorthstarOptions.SectionName}:Redis must be host:port, optionally followed by ,option=value pairs " +
                "(e.g. localhost:6379,abortConnect=false).");
        }

        if (!string.IsNullOrWhiteSpace(options.MapTileUrl) && !IsTileTemplate(options.MapTileUrl))
        {
            failures.Add(
                $"{NorthstarOptions.SectionName}:MapTileUrl must be an http(s) URL template with {{z}}, {{x}} and {{y}} " +
                "(e.g. https://tiles.example.com/{z}/{x}/{y}.png).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTileTemplate(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && url.Contains("{z}", StringComparison.Ordinal)
        && url.Contains("{x}", StringComparison.Ordinal)
        && url.Contains("{y}", StringComparison.Ordinal);
}
