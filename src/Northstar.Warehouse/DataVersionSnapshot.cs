namespace Northstar.Warehouse;

/// <summary>
/// The data versions of the subjects as read from the primary, and the primary's write position when they were read
/// (every version here was committed at or before it; null on an engine without replicas).
/// </summary>
public sealed record DataVersionSnapshot(IReadOnlyDictionary<string, DataVersion> Versions, WritePosition? Position)
{
    /// <summary>A subject's version; version 0 when it has never changed.</summary>
    public DataVersion VersionOf(string subject) => Versions.GetValueOrDefault(subject);
}
