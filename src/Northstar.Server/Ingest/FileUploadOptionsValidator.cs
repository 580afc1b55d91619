using Microsoft.Extensions.Options;

namespace Northstar.Server.Ingest;

/// <summary>Validates <see cref="FileUploadOptions"/> at start-up, one sentence per setting at fault.</summary>
internal sealed class FileUploadOptionsValidator : IValidateOptions<FileUploadOptions>
{
    public ValidateOptionsResult Validate(string? name, FileUploadOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFileBytes <= 0)
            failures.Add($"{FileUploadOptions.SectionName}:MaxFileBytes must be a positive number of bytes.");
        if (options.MaxLineBytes <= 0)
            failures.Add($"{FileUploadOptions.SectionName}:MaxLineBytes must be a positive number of bytes.");
        if (options.MaxColumns <= 0)
            failures.Add($"{FileUploadOptions.SectionName}:MaxColumns must be a positive number.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
