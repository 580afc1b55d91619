using System.Globalization;
using Northstar.Ingest.Files;

namespace Northstar.Server.Ingest;

/// <summary>
/// The bounds of an uploaded import file, from <c>Northstar:Ingest:Files</c>; by default the same as the <c>import</c>
/// verb's (<see cref="FileImportLimits.Default"/>); checked at start-up by <see cref="FileUploadOptionsValidator"/>.
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

    /// <summary>The file size limit as the 413 names it.</summary>
    public string DescribeMaxFileBytes() =>
        $"{MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes ({SectionName}:MaxFileBytes)";
}
