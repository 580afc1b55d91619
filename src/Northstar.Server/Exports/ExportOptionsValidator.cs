using Microsoft.Extensions.Options;

namespace Northstar.Server.Exports;

/// <summary>Validates <see cref="ExportOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    /// <summary>The largest <see cref="ExportOptions.MaxRows"/>: a file that a spreadsheet (about a million rows) still opens.</summary>
    public const int MostRows = 1_000_000;

    public ValidateOptionsResult Validate(string? name, ExportOptions options) =>
        options.MaxRows is < 1 or > MostRows
            ? ValidateOptionsResult.Fail(
                $"{ExportOptions.SectionName}:{nameof(options.MaxRows)} must be between 1 and {MostRows:N0} (it is {options.MaxRows:N0}).")
            : ValidateOptionsResult.Success;
}
