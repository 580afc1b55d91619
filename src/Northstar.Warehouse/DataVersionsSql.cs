using System.Data.Common;

namespace Northstar.Warehouse;

/// <summary>Reading app.data_versions, the same on both engines.</summary>
internal static class DataVersionsSql
{
    public const string Read = "select subject, version, updated_at from app.data_versions";

    /// <summary>Reads the rows of <see cref="Read"/> from <paramref name="reader"/>.</summary>
    public static async Task<Dictionary<string, DataVersion>> ReadRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, DataVersion>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            versions[reader.GetString(0)] = new DataVersion(reader.GetInt64(1), Ticks(reader.GetValue(2)));
        return versions;
    }

    private static long Ticks(object value) => value switch
    {
        DateTimeOffset instant => instant.UtcTicks,
        DateTime instant => instant.ToUniversalTime().Ticks,
        _ => 0,
    };
}
