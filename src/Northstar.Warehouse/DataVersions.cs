using System.Collections.Concurrent;

namespace Northstar.Warehouse;

/// <summary>
/// The data versions a query depends on, and the write position a read must have reached to see them. Each
/// subject's position is that of the snapshot in which its current version was first seen, not the newest one: a
/// replica that replayed that far holds the data of the version, and keeps serving reads while later, unrelated
/// writes (other subjects, app metadata) stream in. Reading through this means no answer computed on a replica can
/// be older than the versions it is cached under. One per warehouse; thread-safe.
/// </summary>
public sealed class DataVersions(IWarehouse warehouse)
{
    private readonly ConcurrentDictionary<string, (DataVersion Version, WritePosition? FirstSeen)> _seen = new(StringComparer.Ordinal);

    /// <summary>Reads the current versions of <paramref name="subjects"/> from the primary.</summary>
    public async Task<DataVersionRead> ReadAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var snapshot = await warehouse.ReadDataVersionsAsync(cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<string, DataVersion>(StringComparer.Ordinal);
        WritePosition? needed = null;
        foreach (var subject in subjects)
        {
            var version = snapshot.VersionOf(subject);
            versions[subject] = version;
            var seen = _seen.AddOrUpdate(
                subject,
                _ => (version, snapshot.Position),
                (_, previous) => previous.Version == version ? previous : (version, snapshot.Position));
            if (seen.FirstSeen is { } position && (needed is not { } current || position > current))
                needed = position;
        }

        return new DataVersionRead(versions, needed);
    }
}

/// <summary>The versions of the subjects a query reads, and the write position its read connection must have reached.</summary>
public sealed record DataVersionRead(IReadOnlyDictionary<string, DataVersion> Versions, WritePosition? Needed);
