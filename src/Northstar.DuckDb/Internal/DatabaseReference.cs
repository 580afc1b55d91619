using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>An open native database and the number of owners (connections, data sources) using it.</summary>
internal sealed class DatabaseReference(DatabaseHandle handle, string? key, string options)
{
    public DatabaseHandle Handle { get; } = handle;

    /// <summary>The registry key (full file path or named in-memory database); null for a private in-memory database.</summary>
    public string? Key { get; } = key;

    /// <summary>The configuration options it was opened with, to refuse a second open with different ones.</summary>
    public string Options { get; } = options;

    /// <summary>Owners; guarded by the registry's lock.</summary>
    public int Owners { get; set; } = 1;
}
