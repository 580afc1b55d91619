using Npgsql;

namespace Northstar.Testing;

/// <summary>A database of the test's own on the shared PostgreSQL primary, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name, <c>ns_test_&lt;guid&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database on the primary.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a fresh, empty database.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG");
        var database = new PostgresTestDatabase(admin, $"ns_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {database.Name}", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>A connection string to this database on another server (a replica of the primary).</summary>
    public string On(string serverConnectionString) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;

    /// <summary>Runs one statement on this database, on the primary.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
