namespace Northstar.Warehouse.Tests;

public sealed class WarehouseOptionsTests
{
    [Fact]
    public void The_defaults_describe_an_embedded_DuckDB_in_the_data_folder()
    {
        var options = new WarehouseOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(EngineKind.DuckDb, options.EngineKind);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "northstar.duckdb")), options.ResolveDuckDbPath());
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxReplicaLag);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ReplicaCheckInterval);
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_is_refused_naming_the_setting()
    {
        var problems = new WarehouseOptions { Engine = "postgres" }.Validate();

        Assert.Equal("Northstar:Database:ConnectionString is required when Engine is postgres.", Assert.Single(problems));
    }

    [Fact]
    public void A_data_folder_that_cannot_be_listed_in_allowed_directories_is_refused_naming_the_setting()
    {
        var problem = Assert.Single(new WarehouseOptions { DataDirectory = "/srv/north,star" }.Validate());

        Assert.StartsWith("Northstar:Database:DataDirectory must not contain a comma", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_engine_is_refused_naming_the_setting()
    {
        var problem = Assert.Single(new WarehouseOptions { Engine = "oracle" }.Validate());

        Assert.StartsWith("Northstar:Database:Engine must be", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_replica_connection_string_is_refused_by_position_without_echoing_it()
    {
        var problems = new WarehouseOptions
        {
            Engine = "postgres",
            ConnectionString = "Host=db;Username=app;Password=hunter2",
            Replicas = ["Host=replica;Password=hunter2;Nonsense Key=1"],
            MaxReplicaLag = TimeSpan.FromSeconds(-1),
        }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Northstar:Database:Replicas:0 is not a valid PostgreSQL connection string", problems[0], StringComparison.Ordinal);
        Assert.Equal("Northstar:Database:MaxReplicaLag must not be negative.", problems[1]);
        Assert.DoesNotContain(problems, p => p.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_factory_refuses_unusable_options_with_every_problem()
    {
        var error = Assert.Throws<WarehouseConfigurationException>(
            () => WarehouseFactory.Create(new WarehouseOptions { Engine = "duckdb", Threads = 0, Replicas = ["Host=x"] }));

        Assert.Equal(2, error.Problems.Count);
    }
}
