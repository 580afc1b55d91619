using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// One native database per file in the process, shared by every connection and data source that names it, and closed
/// when the last of them lets go. DuckDB locks a database file per process, so two native databases on one file would
/// fail; sharing also shares the buffer pool. In-memory databases: <c>:memory:</c> (or empty) is private to one owner;
/// <c>:memory:name</c> is shared by name while anyone holds it.
/// </summary>
internal static class DatabaseRegistry
{
    private static readonly Dictionary<string, DatabaseReference> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static DatabaseReference Acquire(DuckDbConnectionStringBuilder builder)
    {
        var key = KeyOf(builder.DataSource);
        var options = OptionsKey(builder);
        if (key is null)
        {
            return new DatabaseReference(NativeDatabase.Open(builder), null, options);
        }

        lock (Gate)
        {
            if (Open.TryGetValue(key, out var existing))
            {
                if (!string.Equals(existing.Options, options, StringComparison.Ordinal))
                {
                    throw new DuckDbException(
                        $"The database '{builder.DataSource}' is already open in this process with different configuration options; "
                        + "every connection to one database must use the same options.",
                        DuckDbErrorType.Connection);
                }

                existing.Owners++;
                return existing;
            }

            var reference = new DatabaseReference(NativeDatabase.Open(builder), key, options);
            Open.Add(key, reference);
            return reference;
        }
    }

    /// <summary>Adds an owner to a reference already held (a data source handing its database to a connection).</summary>
    public static void AddOwner(DatabaseReference reference)
    {
        lock (Gate)
        {
            reference.Owners++;
        }
    }

    public static void Release(DatabaseReference reference)
    {
        lock (Gate)
        {
            if (--reference.Owners > 0)
            {
                return;
            }

            if (reference.Key is not null)
            {
                Open.Remove(reference.Key);
            }
        }

        // Closes now, or when the last native child (a connection still being closed elsewhere) releases it.
        reference.Handle.Dispose();
    }

    private static string? KeyOf(string dataSource)
    {
        if (DuckDbConnectionStringBuilder.IsInMemoryPath(dataSource))
        {
            return dataSource.Length > DuckDbConnectionStringBuilder.InMemory.Length ? dataSource : null;
        }

        return Path.GetFullPath(dataSource);
    }

    private static string OptionsKey(DuckDbConnectionStringBuilder builder) =>
        string.Join(';', builder.ConfigurationOptions
            .Select(option => $"{option.Key.ToUpperInvariant()}={option.Value}")
            .Order(StringComparer.Ordinal));
}
