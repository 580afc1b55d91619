using Npgsql;

namespace Northstar.Warehouse;

/// <summary>Describes a database failure in one sentence fit for logs and health pages: never a connection string or a password.</summary>
internal static class SafeError
{
    /// <summary>The failure in words.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}",
        NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message} ({inner.Message})",
        _ => exception.Message,
    };

    /// <summary>A name for a PostgreSQL server safe to show: host, port and database, never user or password.</summary>
    public static string ServerName(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return builder.Database is { Length: > 0 } database ? $"{builder.Host}:{builder.Port}/{database}" : $"{builder.Host}:{builder.Port}";
    }
}
