using Dapper;
using Northstar.Testing;
using Northstar.Warehouse.Migrations;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_create_every_schema_and_table_on_DuckDB_and_a_second_run_applies_nothing()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);

        var first = await warehouse.MigrateAsync();
        var second = await warehouse.MigrateAsync();

        Assert.Equal(WarehouseSchema.Versions, first.Applied);
        Assert.Equal(0, first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(WarehouseSchema.Versions.Length, second.AlreadyApplied);
        await AssertSchemaAsync(warehouse);
    }

    [PostgresFact]
    public async Task Migrations_create_every_schema_and_table_on_PostgreSQL_and_a_second_run_applies_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);

        var first = await warehouse.MigrateAsync();
        var second = await warehouse.MigrateAsync();

        Assert.Equal(WarehouseSchema.Versions, first.Applied);
        Assert.Empty(second.Applied);
        Assert.Equal(WarehouseSchema.Versions.Length, second.AlreadyApplied);
        await AssertSchemaAsync(warehouse);
    }

    [Fact]
    public async Task A_second_warehouse_on_the_same_DuckDB_folder_finds_everything_applied()
    {
        using var folder = new TempDirectory();
        await using (var first = TestWarehouses.DuckDb(folder.Path))
            await first.MigrateAsync();

        await using var reopened = TestWarehouses.DuckDb(folder.Path);
        var report = await reopened.MigrateAsync();

        Assert.Empty(report.Applied);
        Assert.Equal(WarehouseSchema.Versions.Length, report.AlreadyApplied);
    }

    [PostgresFact]
    public async Task Both_engines_get_the_same_tables_and_columns()
    {
        using var folder = new TempDirectory();
        await using var duckDb = TestWarehouses.DuckDb(folder.Path);
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var postgres = TestWarehouses.Postgres(database.ConnectionString);
        await duckDb.MigrateAsync();
        await postgres.MigrateAsync();

        var duckDbColumns = await QueryAsync<string>(duckDb, WarehouseSchema.ColumnsSql);
        var postgresColumns = await QueryAsync<string>(postgres, WarehouseSchema.ColumnsSql);

        Assert.Equal(postgresColumns, duckDbColumns);
    }

    [PostgresFact]
    public async Task The_date_dimension_is_identical_on_both_engines()
    {
        using var folder = new TempDirectory();
        await using var duckDb = TestWarehouses.DuckDb(folder.Path);
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var postgres = TestWarehouses.Postgres(database.ConnectionString);
        await duckDb.MigrateAsync();
        await postgres.MigrateAsync();
        const string sql = """
            select date_key || ' ' || cast(full_date as text) || ' ' || year || ' Q' || quarter || ' ' || month_name || ' ' || month_short
                || ' ' || day_name || ' ' || day_short || ' ' || day_of_week || ' ' || day_of_year || ' W' || iso_year || '-' || iso_week
                || ' ' || cast(week_start as text) || ' ' || cast(quarter_start as text) || ' ' || case when is_weekend then 'weekend' else 'weekday' end
            from gold.dim_date order by date_key
            """;

        var duckDbDays = await QueryAsync<string>(duckDb, sql);
        var postgresDays = await QueryAsync<string>(postgres, sql);

        Assert.Equal(7670, postgresDays.Count);
        Assert.Equal("20260101 2026-01-01 2026 Q1 January Jan Thursday Thu 4 1 W2026-1 2025-12-29 2026-01-01 weekday", postgresDays.Single(d => d.StartsWith("20260101", StringComparison.Ordinal)));
        Assert.Equal(postgresDays, duckDbDays);
    }

    [Fact]
    public async Task A_changed_checksum_of_an_applied_migration_is_reported_on_DuckDB()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();
        await ExecuteAsync(warehouse, "update app.schema_migrations set checksum = repeat('0', 64) where version = '0002'");

        var error = await Assert.ThrowsAsync<MigrationException>(() => warehouse.MigrateAsync());

        Assert.Contains("0002 (silver)", error.Message, StringComparison.Ordinal);
        Assert.Contains("must never change", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_changed_checksum_of_an_applied_migration_is_reported_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();
        await database.ExecuteAsync("update app.schema_migrations set checksum = repeat('0', 64) where version = '0001'");

        var error = await Assert.ThrowsAsync<MigrationException>(() => warehouse.MigrateAsync());

        Assert.Contains("0001 (bronze)", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Two_nodes_migrating_one_fresh_database_at_once_both_succeed_and_each_version_is_applied_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var nodeA = TestWarehouses.Postgres(database.ConnectionString);
        await using var nodeB = TestWarehouses.Postgres(database.ConnectionString);

        var reports = await Task.WhenAll(nodeA.MigrateAsync(), nodeB.MigrateAsync());

        Assert.Equal(WarehouseSchema.Versions, reports.SelectMany(r => r.Applied).Order(StringComparer.Ordinal));
        var recorded = await QueryAsync<string>(nodeA, "select version from app.schema_migrations order by version");
        Assert.Equal(WarehouseSchema.Versions, recorded);
        Assert.Equal(1, await QuerySingleAsync<long>(nodeA, "select count(*) from gold.dim_location where location_key = 0"));
    }

    [PostgresFact]
    public async Task The_audit_log_refuses_updates_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();
        await database.ExecuteAsync("insert into app.audit (action, actor) values ('login', 'a@example.com')");

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync("update app.audit set action = 'export'"));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    private static async Task AssertSchemaAsync(IWarehouse warehouse)
    {
        var schemas = await QueryAsync<string>(warehouse,
            "select schema_name from information_schema.schemata where schema_name in ('bronze', 'silver', 'gold', 'predictions', 'app')");
        Assert.Equal(WarehouseSchema.Schemas.Order(StringComparer.Ordinal), schemas.Distinct().Order(StringComparer.Ordinal));
        var tables = await QueryAsync<string>(warehouse, WarehouseSchema.TablesSql);
        Assert.Equal(WarehouseSchema.Tables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal(WarehouseSchema.Versions, await QueryAsync<string>(warehouse, "select version from app.schema_migrations order by version"));
    }

    private static async Task<List<T>> QueryAsync<T>(IWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }

    private static async Task<T> QuerySingleAsync<T>(IWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        return await connection.QuerySingleAsync<T>(sql);
    }

    private static async Task ExecuteAsync(IWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await connection.ExecuteAsync(sql);
    }
}
