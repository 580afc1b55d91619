using Npgsql;
using Northstar.Testing;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class CheckTests
{
    [Fact]
    public async Task The_check_reports_pending_migrations_before_migrating_and_ready_after_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);

        var before = await warehouse.CheckAsync();
        await warehouse.MigrateAsync();
        var after = await warehouse.CheckAsync();

        Assert.True(before.Reachable);
        Assert.False(before.Ready);
        Assert.Equal(WarehouseSchema.Versions, before.PendingMigrations);
        Assert.True(after.Ready);
        Assert.Empty(after.PendingMigrations);
        Assert.Empty(after.Replicas);
        Assert.Equal(EngineKind.DuckDb, after.Engine);
    }

    [PostgresFact]
    public async Task The_check_reports_pending_migrations_before_migrating_and_ready_after_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);

        var before = await warehouse.CheckAsync();
        await warehouse.MigrateAsync();
        var after = await warehouse.CheckAsync();

        Assert.True(before.Reachable);
        Assert.False(before.MigrationsApplied);
        Assert.Equal(WarehouseSchema.Versions, before.PendingMigrations);
        Assert.True(after.Ready);
        Assert.Empty(after.PendingMigrations);
        Assert.Null(after.Error);
    }

    [PostgresFact]
    public async Task An_unreachable_primary_is_reported_without_its_credentials()
    {
        var port = FreePort.Next();
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG"))
        {
            Port = port,
            Password = "s3cret-pa55",
            Timeout = 5,
        }.ConnectionString;
        await using var warehouse = TestWarehouses.Postgres(connectionString);

        var status = await warehouse.CheckAsync();

        Assert.False(status.Reachable);
        Assert.False(status.Ready);
        Assert.NotNull(status.Error);
        Assert.Contains($":{port}", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pa55", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", status.Error, StringComparison.OrdinalIgnoreCase);
    }
}
