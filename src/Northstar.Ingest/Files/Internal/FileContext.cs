using System.Buffers.Binary;
using System.Globalization;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// What stands in for values a file leaves out, derived only from the file's content so that reading the same file
/// twice gives the same events: ids <c>file-&lt;first 16 hex digits of its SHA-256&gt;-&lt;line&gt;</c>, and a fixed
/// instant between 2000 and 2020 taken from the hash for an <c>updated_at</c> with nothing to derive it from.
/// </summary>
internal sealed class FileContext
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const long Span = 20L * 365 * 24 * 3600;

    public FileContext(string fileName, byte[] contentHash)
    {
        FileName = fileName;
        HashPrefix = Convert.ToHexStringLower(contentHash.AsSpan(0, 8));
        FixedInstant = Epoch.AddSeconds((long)(BinaryPrimitives.ReadUInt64BigEndian(contentHash) % Span));
    }

    public string FileName { get; }

    public string HashPrefix { get; }

    public DateTimeOffset FixedInstant { get; }

    public string SynthesizedId(long line) => string.Create(CultureInfo.InvariantCulture, $"file-{HashPrefix}-{line}");

    public FileImportIssue Issue(long line, string? column, string reason) => new(FileName, line, column, reason);
}
