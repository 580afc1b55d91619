using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Model.Loading;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;
using Northstar.Testing;
using Northstar.Warehouse.Queries;
using Northstar.Warehouse.Rollups;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests.Analyses;

/// <summary>
/// A dozen customers over January to May 2025 at two branches, written straight into gold: c01 has two versions in
/// dim_customer (its March order is on the second), c03, c07, c08 and c09 have refunds (c07's in February is all it has
/// in the range, c09's cancels its only purchase), c01, c07 and c12 first bought in January, c10 only in May, and an
/// anonymous walk-in buys in February and March. AnalysisTests holds the numbers worked out by hand from this table.
/// </summary>
public static class AnalysisFixture
{
    public static readonly DateOnly Today = new(2025, 5, 20);

    // (order, customer key, branch key: 1 north 2 south, local date, line net amounts: negative for a refund line)
    private static readonly (string Order, long Customer, long Branch, DateOnly Date, decimal[] Lines)[] Lines =
    [
        ("c01-1", 1, 1, new(2025, 1, 10), [100m]),
        ("c01-2", 1, 1, new(2025, 2, 5), [60m]),
        ("c01-3", 13, 2, new(2025, 3, 3), [40m]),
        ("c02-1", 2, 1, new(2025, 2, 2), [30m]),
        ("c02-2", 2, 1, new(2025, 3, 10), [20m]),
        ("c02-3", 2, 2, new(2025, 4, 15), [25m]),
        ("c03-1", 3, 2, new(2025, 2, 14), [300m]),
        ("c03-1", 3, 2, new(2025, 3, 1), [-50m]),
        ("c04-0", 4, 1, new(2025, 2, 20), [25m, 15m]),
        ("c04-1", 4, 1, new(2025, 3, 1), [60m]),
        ("c04-2", 4, 1, new(2025, 3, 2), [60m]),
        ("c04-3", 4, 1, new(2025, 3, 3), [60m]),
        ("c04-4", 4, 1, new(2025, 3, 4), [60m]),
        ("c04-5", 4, 1, new(2025, 3, 5), [60m]),
        ("c04-6", 4, 1, new(2025, 3, 6), [60m]),
        ("c04-7", 4, 1, new(2025, 3, 7), [60m]),
        ("c04-8", 4, 1, new(2025, 3, 8), [60m]),
        ("c04-9", 4, 1, new(2025, 3, 9), [60m]),
        ("c04-10", 4, 1, new(2025, 3, 10), [60m]),
        ("c05-1", 5, 2, new(2025, 3, 2), [20m]),
        ("c05-2", 5, 2, new(2025, 3, 9), [20m]),
        ("c05-3", 5, 2, new(2025, 3, 16), [20m]),
        ("c05-4", 5, 2, new(2025, 4, 1), [20m]),
        ("c05-5", 5, 2, new(2025, 4, 8), [20m]),
        ("c05-6", 5, 2, new(2025, 5, 5), [20m]),
        ("c06-1", 6, 1, new(2025, 4, 20), [50m]),
        ("c07-1", 7, 2, new(2025, 1, 5), [80m]),
        ("c07-1", 7, 2, new(2025, 2, 10), [-80m]),
        ("c08-1", 8, 2, new(2025, 3, 25), [500m]),
        ("c08-1", 8, 2, new(2025, 4, 5), [-20m]),
        ("c09-1", 9, 1, new(2025, 2, 8), [40m]),
        ("c09-1", 9, 1, new(2025, 2, 9), [-40m]),
        ("c10-1", 10, 1, new(2025, 5, 3), [70m]),
        ("c11-1", 11, 2, new(2025, 4, 28), [45m]),
        ("c11-2", 11, 2, new(2025, 4, 29), [10m]),
        ("c12-1", 12, 1, new(2025, 1, 20), [30m]),
        ("c12-2", 12, 2, new(2025, 4, 10), [30m]),
        ("walk-1", 0, 1, new(2025, 2, 12), [35m]),
        ("walk-2", 0, 2, new(2025, 3, 12), [45m]),
    ];

    /// <summary>Runs <paramref name="test"/> on a migrated DuckDB warehouse of its own holding the data and its rollups.</summary>
    public static async Task OnDuckDbAsync(Func<IWarehouse, Task> test)
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await PrepareAsync(warehouse);
        await test(warehouse);
    }

    /// <summary>Runs <paramref name="test"/> on a PostgreSQL database of its own holding the data and its rollups.</summary>
    public static async Task OnPostgresAsync(Func<IWarehouse, Task> test)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await PrepareAsync(warehouse);
        await test(warehouse);
    }

    /// <summary>The shipped model (model/*.yaml).</summary>
    public static SemanticModel Model { get; } = ModelParser.Parse(TestData.ShippedModelFiles());

    /// <summary>Compiles <paramref name="spec"/> (fact tables only unless <paramref name="useRollups"/>) and answers it.</summary>
    public static async Task<(QueryAnswer Answer, CompiledQuery Query)> AskAsync(IWarehouse warehouse, QuerySpec spec,
                                                                                  QueryScope? scope, bool useRollups)
    {
        var compiled = QueryCompiler.Compile(Model, spec, scope ?? QueryScope.Unrestricted,
                                             new CompileContext(warehouse.Dialect, Today) { UseRollups = useRollups });
        return (await new QueryRunner(warehouse, TimeSpan.FromMinutes(5)).AnswerAsync(compiled, null), compiled);
    }

    private static async Task PrepareAsync(IWarehouse warehouse)
    {
        await warehouse.MigrateAsync();
        await LoadAsync(warehouse);
        await RollupStore.EnsureAsync(warehouse, RollupTable.AllOf(Model, warehouse.Dialect));
    }

    private static async Task LoadAsync(IWarehouse warehouse)
    {
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await TestData.ExecuteAsync(connection, "insert into gold.dim_location (location_key, location_id, name, time_zone) values ($1, $2, $3, $4)",
                           [1L, "north", "North", "America/Chicago"], [2L, "south", "South", "America/Chicago"]);
        await TestData.ExecuteAsync(connection, "insert into gold.dim_employee (employee_key, employee_id, name, role) values ($1, $2, $3, $4)",
                           [1L, "e1", "Ada", "sales"]);
        await TestData.ExecuteAsync(connection, "insert into gold.dim_product (product_key, product_id, name, category) values ($1, $2, $3, $4)",
                           [1L, "paint-1", "Wall paint", "Paint"]);

        // c01 moved in March: its second version (key 13) carries its March order, and its number (1), as every
        // version of a customer does.
        var since = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var moved = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var customers = Enumerable.Range(1, 12)
            .Select(key => new object?[] { (long)key, $"c{key:00}", (long)key, since, key == 1 ? moved : new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), key != 1 })
            .Append([13L, "c01", 1L, moved, new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), true])
            .ToArray();
        await TestData.ExecuteAsync(connection,
                           "insert into gold.dim_customer (customer_key, customer_id, customer_number, valid_from, valid_to, is_current) values ($1, $2, $3, $4, $5, $6)",
                           customers);

        var rows = new List<object?[]>();
        foreach (var (order, customer, branch, date, amounts) in Lines)
        {
            var at = DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc);
            for (var i = 0; i < amounts.Length; i++)
            {
                var dateKey = (date.Year * 10000) + (date.Month * 100) + date.Day;
                rows.Add([$"{order}-{date:MMdd}-{i + 1}", order, i + 1, dateKey, at, date, (short)12, branch, 1L, customer, 1L,
                          1m, amounts[i], amounts[i], amounts[i], at]);
            }
        }

        await TestData.ExecuteAsync(connection, """
            insert into gold.fact_sales (order_line_id, order_id, line_number, date_key, ordered_at, local_date, local_hour,
                                         location_key, employee_key, customer_key, product_key, quantity, unit_price,
                                         gross_amount, net_amount, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """, [.. rows]);
    }
}
