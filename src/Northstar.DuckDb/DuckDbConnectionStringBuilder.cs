using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Northstar.DuckDb;

/// <summary>
/// Builds DuckDB connection strings. <c>Data Source</c> is the database file (or <c>:memory:</c> / empty for an
/// in-memory database); every other key is a DuckDB configuration option passed to <c>duckdb_set_config</c> when the
/// database opens, e.g. <c>threads=2;memory_limit=1GB;access_mode=READ_ONLY;enable_external_access=false</c>.
/// List options are written as DuckDB reads them from a string, e.g. <c>allowed_directories=[/data/in,/data/out]</c>
/// (quote the value when it contains a <c>;</c>). The C API cannot set list options at open, so the provider sets them
/// with <c>SET GLOBAL</c> right after opening, followed by <c>enable_external_access</c> and <c>lock_configuration</c>
/// (DuckDB accepts a directory list only while external access is still on), before any connection can use the database.
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    /// <summary>The connection string key of <see cref="DataSource"/>.</summary>
    public const string DataSourceKey = "Data Source";

    /// <summary>The <see cref="DataSource"/> value for a private in-memory database.</summary>
    public const string InMemory = ":memory:";

    /// <summary>Creates an empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder holding <paramref name="connectionString"/>.</summary>
    public DuckDbConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString ?? "";

    /// <summary>The database file path; <c>:memory:</c> or empty for an in-memory database.</summary>
    [AllowNull]
    public string DataSource
    {
        get => TryGetValue(DataSourceKey, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
        set => this[DataSourceKey] = value ?? "";
    }

    /// <summary>Whether <see cref="DataSource"/> names an in-memory database rather than a file.</summary>
    public bool IsInMemory => IsInMemoryPath(DataSource);

    /// <summary>The DuckDB configuration options: every key except <c>Data Source</c>, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConfigurationOptions
    {
        get
        {
            var options = new List<KeyValuePair<string, string>>();
            foreach (string key in Keys)
            {
                if (!string.Equals(key, DataSourceKey, StringComparison.OrdinalIgnoreCase))
                {
                    options.Add(new(key, Convert.ToString(this[key], System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
            }

            return options;
        }
    }

    internal static bool IsInMemoryPath(string path) =>
        path.Length == 0 || path.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase);
}
