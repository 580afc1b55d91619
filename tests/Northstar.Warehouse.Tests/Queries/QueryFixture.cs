using System.Data.Common;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Testing;
using Northstar.Warehouse.Queries;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests.Queries;

/// <summary>
/// A dozen orders written straight into gold, around a year boundary and a time-zone boundary (order o2 is placed at
/// 23:00 on 2024-12-31 in Chicago, which is already 2025 in UTC), plus marketing spend and leads; and a runner that
/// executes compiled statements with positional parameters and assembles the answer.
/// </summary>
public static class QueryFixture
{
    // (order, location key, employee key, local date, local hour, UTC offset in hours, lines of (product key, net amount))
    private static readonly (string Order, long Location, long Employee, DateOnly Date, short Hour, int Offset,
                             (long Product, decimal Net)[] Lines)[] Orders =
    [
        ("o1", 1, 1, new(2024, 12, 30), 10, -6, [(1, 100.00m), (2, 50.00m)]),
        ("o2", 1, 2, new(2024, 12, 31), 23, -6, [(1, 40.00m)]),
        ("o3", 2, 1, new(2025, 1, 1), 9, -5, [(2, 200.00m)]),
        ("o4", 1, 2, new(2025, 1, 2), 14, -6, [(1, 60.00m), (1, 20.00m)]),
        ("o5", 2, 2, new(2025, 1, 5), 18, -5, [(2, 30.00m)]),
        ("o6", 1, 2, new(2025, 1, 5), 18, -6, [(1, 10.00m)]),
        ("p1", 1, 1, new(2024, 12, 23), 10, -6, [(1, 90.00m)]),
        ("p2", 2, 2, new(2024, 12, 29), 12, -5, [(2, 120.00m)]),
        ("y1", 1, 1, new(2023, 12, 30), 11, -6, [(1, 75.00m)]),
        ("y2", 1, 2, new(2024, 1, 2), 9, -6, [(2, 25.00m)]),
        ("x1", 1, 1, new(2025, 1, 6), 10, -6, [(1, 999.00m)]),
        ("x2", 2, 1, new(2024, 12, 22), 10, -5, [(2, 500.00m)]),
    ];

    /// <summary>Runs <paramref name="test"/> on a migrated DuckDB warehouse of its own holding the fixture.</summary>
    public static async Task OnDuckDbAsync(Func<IWarehouse, Task> test)
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();
        await LoadAsync(warehouse);
        await test(warehouse);
    }

    /// <summary>Runs <paramref name="test"/> on a migrated PostgreSQL database of its own holding the fixture.</summary>
    public static async Task OnPostgresAsync(Func<IWarehouse, Task> test)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();
        await LoadAsync(warehouse);
        await test(warehouse);
    }

    public static async Task LoadAsync(IWarehouse warehouse)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await TestData.ExecuteAsync(connection, "insert into gold.dim_location (location_key, location_id, name, time_zone) values ($1, $2, $3, $4)",
                           [1L, "north", "North", "America/Chicago"], [2L, "south", "South", "America/New_York"]);
        await TestData.ExecuteAsync(connection, "insert into gold.dim_employee (employee_key, employee_id, name, role) values ($1, $2, $3, $4)",
                           [1L, "e1", "Ada", "sales"], [2L, "e2", "Bob", "sales"]);
        await TestData.ExecuteAsync(connection, "insert into gold.dim_product (product_key, product_id, name, category) values ($1, $2, $3, $4)",
                           [1L, "paint-1", "Wall paint", "Paint"], [2L, "tool-1", "Hammer", "Tools"]);
        await TestData.ExecuteAsync(connection, "insert into gold.dim_channel (channel_key, channel_code, name) values ($1, $2, $3)",
                           [1L, "web", "Web"], [2L, "walk_in", "Walk-in"]);

        var lines = new List<object?[]>();
        foreach (var order in Orders)
        {
            var local = order.Date.ToDateTime(new TimeOnly(order.Hour, 0));
            var utc = DateTime.SpecifyKind(local.AddHours(-order.Offset), DateTimeKind.Utc);
            for (var i = 0; i < order.Lines.Length; i++)
            {
                var (productKey, net) = order.Lines[i];
                var dateKey = (order.Date.Year * 10000) + (order.Date.Month * 100) + order.Date.Day;
                lines.Add([$"{order.Order}-{i + 1}", order.Order, i + 1, dateKey,
                           utc, order.Date, order.Hour, order.Location, order.Employee, productKey, 1L, 1m, net, net, net, utc]);
            }
        }

        await TestData.ExecuteAsync(connection, """
            insert into gold.fact_sales (order_line_id, order_id, line_number, date_key, ordered_at, local_date, local_hour,
                                         location_key, employee_key, product_key, channel_key, quantity, unit_price,
                                         gross_amount, net_amount, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """, [.. lines]);

        var now = DateTime.SpecifyKind(new DateTime(2025, 1, 10), DateTimeKind.Utc);
        await TestData.ExecuteAsync(connection, """
            insert into gold.fact_marketing_spend (spend_id, date_key, spend_date, location_key, channel_key, amount, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            """,
            ["s1", 20250101, new DateOnly(2025, 1, 1), 1L, 1L, 100.00m, now],
            ["s2", 20250102, new DateOnly(2025, 1, 2), 2L, 1L, 50.00m, now]);
        await TestData.ExecuteAsync(connection, """
            insert into gold.fact_leads (lead_id, date_key, created_at, local_date, location_key, employee_key, channel_key, status,
                                         updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            ["l1", 20250101, now, new DateOnly(2025, 1, 1), 1L, 1L, 1L, "new", now],
            ["l2", 20250101, now, new DateOnly(2025, 1, 1), 1L, 1L, 1L, "new", now],
            ["l3", 20250103, now, new DateOnly(2025, 1, 3), 1L, 2L, 2L, "new", now],
            ["l4", 20250103, now, new DateOnly(2025, 1, 3), 1L, 2L, 2L, "new", now]);
    }

    /// <summary>Compiles <paramref name="spec"/> for the warehouse's dialect, runs every statement and assembles.</summary>
    public static async Task<QueryAnswer> AskAsync(IWarehouse warehouse, QuerySpec spec, QueryScope? scope = null)
    {
        var compiled = QueryCompiler.Compile(QueryTestModel.Build(), spec, scope ?? QueryScope.Unrestricted,
                                             new CompileContext(warehouse.Dialect, new DateOnly(2025, 1, 15), 100));
        return await new QueryRunner(warehouse, TimeSpan.FromMinutes(5)).AnswerAsync(compiled, null);
    }

    public static async Task<List<object?[]>> ReadAsync(DbConnection connection, SqlStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var value in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
