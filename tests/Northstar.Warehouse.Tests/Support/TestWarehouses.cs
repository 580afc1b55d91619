namespace Northstar.Warehouse.Tests.Support;

/// <summary>Warehouses over the test's own data, built through the same factory the server uses.</summary>
public static class TestWarehouses
{
    public static IWarehouse DuckDb(string dataDirectory) =>
        WarehouseFactory.Create(new WarehouseOptions { Engine = "duckdb", DataDirectory = dataDirectory, Threads = 1 });

    public static IWarehouse Postgres(string connectionString, params string[] replicas) =>
        WarehouseFactory.Create(new WarehouseOptions { Engine = "postgres", ConnectionString = connectionString, Replicas = replicas });

    public static IWarehouse Postgres(WarehouseOptions options) => WarehouseFactory.Create(options);
}
