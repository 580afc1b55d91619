using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>Opens a native database with the configuration options of a connection string.</summary>
internal static class NativeDatabase
{
    private const string EnableExternalAccess = "enable_external_access";
    private const string LockConfiguration = "lock_configuration";

    public static DatabaseHandle Open(DuckDbConnectionStringBuilder builder)
    {
        var (atOpen, afterOpen) = Split(builder.ConfigurationOptions);
        var database = OpenWith(builder, atOpen);
        try
        {
            ApplyAfterOpen(database, afterOpen);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>duckdb_set_config</c> cannot set list options (<c>allowed_directories=[/a,/b]</c>), so they are set with SQL
    /// right after the open, before anyone else can use the database. DuckDB refuses to widen access once external
    /// access is off or the configuration is locked, so when a list option is deferred those two follow it, in that order.
    /// </summary>
    private static (List<KeyValuePair<string, string>> AtOpen, List<KeyValuePair<string, string>> AfterOpen) Split(
        IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var lists = options.Where(option => option.Value.TrimStart().StartsWith('[')).ToList();
        if (lists.Count == 0)
        {
            return (options.ToList(), []);
        }

        bool IsLock(KeyValuePair<string, string> option) =>
            option.Key.Equals(EnableExternalAccess, StringComparison.OrdinalIgnoreCase)
            || option.Key.Equals(LockConfiguration, StringComparison.OrdinalIgnoreCase);

        var afterOpen = lists
            .Concat(options.Where(option => option.Key.Equals(EnableExternalAccess, StringComparison.OrdinalIgnoreCase)))
            .Concat(options.Where(option => option.Key.Equals(LockConfiguration, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return (options.Where(option => !lists.Contains(option) && !IsLock(option)).ToList(), afterOpen);
    }

    private static DatabaseHandle OpenWith(DuckDbConnectionStringBuilder builder, List<KeyValuePair<string, string>> options)
    {
        if (NativeMethods.CreateConfig(out var configPointer) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration object.", DuckDbErrorType.InvalidConfiguration);
        }

        using var config = new ConfigHandle(configPointer, null);
        foreach (var (name, value) in options)
        {
            if (NativeMethods.SetConfig(config, name, value) != DuckDbState.Success)
            {
                throw InvalidOption(name, value, null);
            }
        }

        var path = builder.IsInMemory ? DuckDbConnectionStringBuilder.InMemory : builder.DataSource;
        var state = NativeMethods.OpenExt(path, out var database, config, out var error);
        if (state != DuckDbState.Success)
        {
            if (database != IntPtr.Zero)
            {
                NativeMethods.Close(ref database);
            }

            throw new DuckDbException(
                $"Could not open DuckDB database '{builder.DataSource}': {error ?? "unknown error"}",
                error is null ? DuckDbErrorType.Invalid : DuckDbErrors.TypeFromMessage(error));
        }

        return new DatabaseHandle(database, null);
    }

    private static unsafe void ApplyAfterOpen(DatabaseHandle database, List<KeyValuePair<string, string>> options)
    {
        if (options.Count == 0)
        {
            return;
        }

        if (NativeMethods.Connect(database, out var pointer) != DuckDbState.Success)
        {
            throw new DuckDbException("Could not connect to the database to apply its configuration.", DuckDbErrorType.Connection);
        }

        using var connection = new ConnectionHandle(pointer, database);
        foreach (var (name, value) in options)
        {
            using var result = ResultHandle.Allocate(connection);
            var sql = $"SET GLOBAL \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" = '{value.Replace("'", "''", StringComparison.Ordinal)}'";
            if (NativeMethods.Query(connection, sql, result.Pointer) != DuckDbState.Success)
            {
                throw InvalidOption(name, value, NativeMethods.ResultError(result.Pointer));
            }
        }
    }

    private static DuckDbException InvalidOption(string name, string value, string? detail) =>
        new(
            $"Invalid DuckDB configuration option '{name}={value}': "
            + (detail ?? "the option does not exist or the value is not valid for it."),
            DuckDbErrorType.InvalidConfiguration);
}
