using System.Data.Common;
using Dapper;
using Northstar.Testing;
using Northstar.Warehouse.Postgres;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class ReadYourWritesTests
{
    [PostgresReplicaFact]
    public async Task A_read_that_needs_a_version_the_replica_has_not_replayed_goes_to_the_primary_until_it_has()
    {
        await using var setup = await ReplicatedWarehouse.StartAsync();
        var versions = new DataVersions(setup.Warehouse);
        await setup.Replica.PauseReplayAsync();
        await setup.BumpAsync("sales");

        var read = await versions.ReadAsync(["sales"]);

        Assert.Equal(2, read.Versions["sales"].Version);
        await using (var connection = await setup.Warehouse.OpenReadConnectionAsync(read.Needed))
        {
            Assert.False(await InRecoveryAsync(connection));
            Assert.Equal(2, await SalesVersionAsync(connection));
        }

        // Without a position the lagging replica (inside the generous lag bound) still serves, and is behind.
        await using (var stale = await setup.Warehouse.OpenReadConnectionAsync())
        {
            Assert.True(await InRecoveryAsync(stale));
            Assert.Equal(1, await SalesVersionAsync(stale));
        }

        await setup.Replica.ResumeReplayAsync();
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            await using var connection = await setup.Warehouse.OpenReadConnectionAsync(read.Needed);
            return await InRecoveryAsync(connection) && await SalesVersionAsync(connection) == 2;
        }), "reads needing the new version never returned to the replica after replay resumed");
    }

    [PostgresReplicaFact]
    public async Task Writes_to_other_subjects_do_not_move_the_position_a_subject_needs()
    {
        await using var setup = await ReplicatedWarehouse.StartAsync();
        var versions = new DataVersions(setup.Warehouse);
        var before = await versions.ReadAsync(["sales"]);
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            await using var connection = await setup.Warehouse.OpenReadConnectionAsync(before.Needed);
            return await InRecoveryAsync(connection);
        }), "the replica never replayed the first version");

        await setup.Replica.PauseReplayAsync();
        await setup.BumpAsync("pipeline");
        var after = await versions.ReadAsync(["sales"]);

        Assert.Equal(before.Needed, after.Needed);
        await using var read = await setup.Warehouse.OpenReadConnectionAsync(after.Needed);
        Assert.True(await InRecoveryAsync(read));
        await setup.Replica.ResumeReplayAsync();
    }

    [Fact]
    public async Task The_embedded_engine_reads_versions_without_a_position()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();
        await using (var connection = await warehouse.OpenWriteConnectionAsync())
            await connection.ExecuteAsync("insert into app.data_versions (subject, version, updated_at) values ('sales', 7, now())");

        var read = await new DataVersions(warehouse).ReadAsync(["sales", "pipeline"]);

        Assert.Equal(7, read.Versions["sales"].Version);
        Assert.Equal(0, read.Versions["pipeline"].Version);
        Assert.Null(read.Needed);
    }

    [Fact]
    public void Write_positions_read_and_print_as_postgresql_does()
    {
        var position = WritePosition.Parse("16/B374D848");

        Assert.Equal((0x16UL << 32) | 0xB374D848, position.Value);
        Assert.Equal("16/B374D848", position.ToString());
        Assert.True(WritePosition.Parse("0/FFFFFFFF") < WritePosition.Parse("1/0"));
        Assert.Throws<FormatException>(() => WritePosition.Parse("16B374D848"));
    }

    private static Task<bool> InRecoveryAsync(DbConnection connection) => connection.ExecuteScalarAsync<bool>("select pg_is_in_recovery()");

    private static Task<long> SalesVersionAsync(DbConnection connection) =>
        connection.ExecuteScalarAsync<long>("select coalesce(max(version), 0) from app.data_versions where subject = 'sales'");

    // 0 while the replica has not yet replayed the migrations that create the table.
    private static async Task<long> SalesVersionOnceMigratedAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<bool>("select to_regclass('app.data_versions') is not null")
            ? await SalesVersionAsync(connection)
            : 0;

    /// <summary>A migrated warehouse in a database of its own, with a replica of its own in use (sales at version 1).</summary>
    private sealed class ReplicatedWarehouse : IAsyncDisposable
    {
        private ReplicatedWarehouse(PostgresTestDatabase database, OwnReplica replica, PostgresWarehouse warehouse)
        {
            Database = database;
            Replica = replica;
            Warehouse = warehouse;
        }

        public PostgresTestDatabase Database { get; }

        public OwnReplica Replica { get; }

        public PostgresWarehouse Warehouse { get; }

        public static async Task<ReplicatedWarehouse> StartAsync()
        {
            var database = await PostgresTestDatabase.CreateAsync();
            var replica = await OwnReplica.StartAsync();
            // A lag bound of an hour: only the write position, never the lag, can send these reads to the primary.
            var warehouse = (PostgresWarehouse)TestWarehouses.Postgres(new WarehouseOptions
            {
                Engine = "postgres",
                ConnectionString = database.ConnectionString,
                Replicas = [database.On(replica.ConnectionString)],
                MaxReplicaLag = TimeSpan.FromHours(1),
                ReplicaCheckInterval = TimeSpan.Zero,
            });
            var setup = new ReplicatedWarehouse(database, replica, warehouse);
            await warehouse.MigrateAsync();
            await setup.BumpAsync("sales");
            Assert.True(await Eventually.HoldsAsync(async () =>
            {
                await using var connection = await warehouse.OpenReadConnectionAsync();
                return await InRecoveryAsync(connection) && await SalesVersionOnceMigratedAsync(connection) == 1;
            }), "the new replica never caught up");
            return setup;
        }

        public async Task BumpAsync(string subject)
        {
            await using var connection = await Warehouse.OpenWriteConnectionAsync();
            await connection.ExecuteAsync("""
                insert into app.data_versions as t (subject, version, updated_at) values (@subject, 1, now())
                on conflict (subject) do update set version = t.version + 1, updated_at = now()
                """, new { subject });
        }

        public async ValueTask DisposeAsync()
        {
            await Warehouse.DisposeAsync();
            await Replica.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
