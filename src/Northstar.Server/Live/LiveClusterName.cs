using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Northstar.Warehouse;

namespace Northstar.Server.Live;

/// <summary>
/// The name the nodes of one cluster share on Redis: the nodes that share a warehouse (the same PostgreSQL database,
/// or the same DuckDB file). Several Northstar installations, or test runs, can use one Redis without hearing each
/// other's changes or taking each other's claims.
/// </summary>
internal static class LiveClusterName
{
    public static string Of(WarehouseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        string identity;
        if (database.Engine == WarehouseOptions.PostgresEngine)
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            identity = $"postgres|{connection.Host}|{connection.Port}|{connection.Database}";
        }
        else
        {
            identity = $"duckdb|{Path.GetFullPath(Path.Combine(database.DataDirectory, database.DuckDbFile))}";
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
    }
}
