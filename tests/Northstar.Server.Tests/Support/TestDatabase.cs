using Npgsql;
using Northstar.Testing;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// A database of its own, <c>ns_test_&lt;guid&gt;</c>, on the test PostgreSQL primary (and so, by streaming
/// replication, on its replica), dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The primary's connection string for this database.</summary>
    public string ConnectionString => For(_admin);

    /// <summary>The same database on the server <paramref name="serverConnectionString"/> points at (e.g. the replica).</summary>
    public string For(string serverConnectionString) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG");
        var database = new TestDatabase(admin, $"ns_test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"create database {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"drop database if exists {Name} with (force)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
