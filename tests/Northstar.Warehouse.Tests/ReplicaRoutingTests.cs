using System.Data.Common;
using Dapper;
using Npgsql;
using Northstar.Testing;
using Northstar.Warehouse.Postgres;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class ReplicaRoutingTests
{
    [PostgresReplicaFact]
    public async Task Reads_go_to_a_healthy_replica_and_writes_to_the_primary()
    {
        var replica = TestServices.Require(TestServices.PostgresReplica, "NORTHSTAR_TEST_PG_REPLICA");
        await using var warehouse = (PostgresWarehouse)TestWarehouses.Postgres(new WarehouseOptions
        {
            Engine = "postgres",
            ConnectionString = TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG"),
            Replicas = [replica],
            ReplicaCheckInterval = TimeSpan.FromHours(1),
        });

        Assert.True(await Eventually.HoldsAsync(() => ReplicaInUseAsync(warehouse)), "the shared replica never came within the lag bound");
        await using var read = await warehouse.OpenReadConnectionAsync();
        await using var write = await warehouse.OpenWriteConnectionAsync();

        Assert.True(await InRecoveryAsync(read));
        Assert.False(await InRecoveryAsync(write));
        var status = await warehouse.CheckAsync();
        var replicaStatus = Assert.Single(status.Replicas);
        Assert.True(replicaStatus.Reachable);
        Assert.True(replicaStatus.InUse);
        Assert.NotNull(replicaStatus.Lag);
        Assert.Equal(new NpgsqlConnectionStringBuilder(replica).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            replicaStatus.Name.Split('/')[0].Split(':')[1]);
    }

    [PostgresReplicaFact]
    public async Task Reads_fall_back_to_the_primary_while_the_replica_lags_and_return_once_it_catches_up()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync("create table lag_probe (id integer)");
        await using var replica = await OwnReplica.StartAsync();
        await using var warehouse = (PostgresWarehouse)TestWarehouses.Postgres(new WarehouseOptions
        {
            Engine = "postgres",
            ConnectionString = database.ConnectionString,
            Replicas = [database.On(replica.ConnectionString)],
            MaxReplicaLag = TimeSpan.FromSeconds(1),
            ReplicaCheckInterval = TimeSpan.Zero,
        });
        // A replica knows its lag only once it has replayed a transaction since it started.
        await database.ExecuteAsync("insert into lag_probe values (0)");
        Assert.True(await Eventually.HoldsAsync(() => ReadIsOnReplicaAsync(warehouse)), "the new replica never caught up");

        await replica.PauseReplayAsync();
        await database.ExecuteAsync("insert into lag_probe values (1)");

        // The lag is the age of the last replayed transaction, so it passes the bound about a second after the pause.
        Assert.True(await Eventually.HoldsAsync(async () => !await ReadIsOnReplicaAsync(warehouse)), "reads stayed on the paused replica");
        var lagging = Assert.Single((await warehouse.CheckAsync()).Replicas);
        Assert.True(lagging.Reachable);
        Assert.False(lagging.InUse);
        // Out of use because it is behind the bound, or because its lag cannot be told (PostgreSQL reports no replay
        // time until the replica has replayed a transaction of its own run): never in use with a lag inside the bound.
        Assert.True(lagging.Lag is null || lagging.Lag > TimeSpan.FromSeconds(1), $"lag {lagging.Lag}");

        await replica.ResumeReplayAsync();

        Assert.True(await Eventually.HoldsAsync(() => ReadIsOnReplicaAsync(warehouse)), "reads never returned to the replica after replay resumed");
    }

    [PostgresReplicaFact]
    public async Task Reads_fall_back_to_the_primary_without_an_error_when_the_replica_stops()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var replica = await OwnReplica.StartAsync();
        // Health is checked once an hour here, so only the failed connection itself can take the replica out; the
        // replica's pool keeps the connection of the first read, which the stop kills under it.
        await using var warehouse = (PostgresWarehouse)TestWarehouses.Postgres(new WarehouseOptions
        {
            Engine = "postgres",
            ConnectionString = database.ConnectionString,
            Replicas = [database.On(replica.ConnectionString)],
            ReplicaCheckInterval = TimeSpan.FromHours(1),
        });
        Assert.True(await Eventually.HoldsAsync(() => ReplicaInUseAsync(warehouse)), "the new replica never came within the lag bound");
        Assert.True(await ReadIsOnReplicaAsync(warehouse));

        await replica.StopAsync();

        Assert.False(await ReadIsOnReplicaAsync(warehouse));
        Assert.False(await ReadIsOnReplicaAsync(warehouse));
        var status = await warehouse.CheckAsync();
        Assert.True(status.Reachable);
        var stopped = Assert.Single(status.Replicas);
        Assert.False(stopped.Reachable);
        Assert.False(stopped.InUse);
        Assert.Null(stopped.Lag);
    }

    [PostgresFact]
    public async Task A_replica_that_was_never_reachable_is_not_used_and_reads_go_to_the_primary()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var nowhere = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = FreePort.Next(), Timeout = 5 }.ConnectionString;
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString, nowhere);

        await using var read = await warehouse.OpenReadConnectionAsync();

        Assert.False(await InRecoveryAsync(read));
        var replica = Assert.Single((await warehouse.CheckAsync()).Replicas);
        Assert.False(replica.Reachable);
        Assert.False(replica.InUse);
    }

    private static async Task<bool> ReplicaInUseAsync(PostgresWarehouse warehouse)
    {
        await warehouse.RefreshReplicasAsync();
        return (await warehouse.CheckAsync()).Replicas.All(r => r.InUse);
    }

    private static async Task<bool> ReadIsOnReplicaAsync(IWarehouse warehouse)
    {
        await using var connection = await warehouse.OpenReadConnectionAsync();
        return await InRecoveryAsync(connection);
    }

    private static Task<bool> InRecoveryAsync(DbConnection connection) => connection.ExecuteScalarAsync<bool>("select pg_is_in_recovery()");
}
