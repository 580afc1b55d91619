using System.Globalization;
using Microsoft.Extensions.Options;
using Northstar.Ingest.Files;

namespace Northstar.Server.Ingest;

/// <summary>
/// The bounds of an uploaded import file, from <c>Northstar:Ingest:Files</c>; by default the same as the <c>import</c>
/// verb's (<see cref="FileImportLimits.Default"/>). Read with <see cref="From"/>, which refuses values that are not valid.
/// </summary>
internal sealed class FileUploadOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Ingest:Files";

    /// <summary>The largest file accepted, in bytes; a larger upload is a 413.</summary>
    public long MaxFileBytes { get; set; } = FileImportLimits.Default.MaxFileBytes;

    /// <summary>The longest record (a CSV row or a JSON line), in bytes; a longer one is a 400.</summary>
    public int MaxLineBytes { get; set; } = FileImportLimits.Default.MaxLineBytes;

    /// <summary>The most columns a CSV row may have; more is a 400.</summary>
    public int MaxColumns { get; set; } = FileImportLimits.Default.MaxColumns;

    /// <summary>The reader's limits with these bounds.</summary>
    public FileImportLimits Limits => FileImportLimits.Default with
    {
        MaxFileBytes = MaxFileBytes,
        MaxLineBytes = MaxLineBytes,
        MaxColumns = MaxColumns,
    };

    /// <summary>The options of <paramref name="configuration"/>.</summary>
    /// <exception cref="OptionsValidationException">A bound is not a positive number.</exception>
    public static FileUploadOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<FileUploadOptions>() ?? new FileUploadOptions();
        var failures = new List<string>();
        if (options.MaxFileBytes <= 0)
            failures.Add($"{SectionName}:MaxFileBytes must be a positive number of bytes.");
        if (options.MaxLineBytes <= 0)
            failures.Add($"{SectionName}:MaxLineBytes must be a positive number of bytes.");
        if (options.MaxColumns <= 0)
            failures.Add($"{SectionName}:MaxColumns must be a positive number.");
        if (failures.Count > 0)
            throw new OptionsValidationException(SectionName, typeof(FileUploadOptions), failures);
        return options;
    }

    /// <summary>The file size limit as the 413 names it.</summary>
    public string DescribeMaxFileBytes() =>
        $"{MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes ({SectionName}:MaxFileBytes)";
}
