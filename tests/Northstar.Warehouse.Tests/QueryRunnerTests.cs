using System.Globalization;
using Northstar.Core.Queries;
using Northstar.Testing;
using Northstar.Warehouse.Queries;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class QueryRunnerTests
{
    private static readonly DateTime Instant = new(2026, 3, 1, 19, 10, 5, DateTimeKind.Utc);

    [Fact]
    public Task Parameters_of_each_type_are_bound_by_position_on_DuckDB() =>
        OnDuckDbAsync(Parameters_of_each_type_are_bound_by_positionAsync);

    [PostgresFact]
    public Task Parameters_of_each_type_are_bound_by_position_on_PostgreSQL() =>
        OnPostgresAsync(Parameters_of_each_type_are_bound_by_positionAsync);

    [Fact]
    public Task A_date_parameter_filters_a_date_column_on_DuckDB() =>
        OnDuckDbAsync(A_date_parameter_filters_a_date_columnAsync);

    [PostgresFact]
    public Task A_date_parameter_filters_a_date_column_on_PostgreSQL() =>
        OnPostgresAsync(A_date_parameter_filters_a_date_columnAsync);

    [Fact]
    public Task Nulls_come_back_as_null_and_rows_in_order_on_DuckDB() =>
        OnDuckDbAsync(Nulls_come_back_as_null_and_rows_in_orderAsync);

    [PostgresFact]
    public Task Nulls_come_back_as_null_and_rows_in_order_on_PostgreSQL() =>
        OnPostgresAsync(Nulls_come_back_as_null_and_rows_in_orderAsync);

    [Fact]
    public Task A_statement_past_the_timeout_is_stopped_with_a_timeout_error_on_DuckDB() =>
        OnDuckDbAsync(warehouse => A_statement_past_the_timeout_is_stoppedAsync(warehouse, SlowDuckDb));

    [PostgresFact]
    public Task A_statement_past_the_timeout_is_stopped_with_a_timeout_error_on_PostgreSQL() =>
        OnPostgresAsync(warehouse => A_statement_past_the_timeout_is_stoppedAsync(warehouse, SlowPostgres));

    [Fact]
    public Task A_cancelled_caller_stops_the_statement_on_DuckDB() =>
        OnDuckDbAsync(warehouse => A_cancelled_caller_stops_the_statementAsync(warehouse, SlowDuckDb));

    [PostgresFact]
    public Task A_cancelled_caller_stops_the_statement_on_PostgreSQL() =>
        OnPostgresAsync(warehouse => A_cancelled_caller_stops_the_statementAsync(warehouse, SlowPostgres));

    [Fact]
    public Task Data_versions_are_read_and_a_read_that_must_be_fresh_still_answers_on_DuckDB() =>
        OnDuckDbAsync(Data_versions_are_read_and_a_read_that_must_be_fresh_still_answersAsync);

    [PostgresFact]
    public Task Data_versions_are_read_and_a_read_that_must_be_fresh_still_answers_on_PostgreSQL() =>
        OnPostgresAsync(Data_versions_are_read_and_a_read_that_must_be_fresh_still_answersAsync);

    private const string SlowDuckDb = "select sum(hash(a.range + b.range)) from range(1000000) a, range(1000000) b";
    private const string SlowPostgres = "select pg_sleep(30)";

    private static async Task Parameters_of_each_type_are_bound_by_positionAsync(IWarehouse warehouse)
    {
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(30));
        var statement = new SqlStatement(
            "select $1, $2, $3, $4, $5, $6, $7, cast($8 as bigint) is null, $1 = 'Paint' and $2 > 41",
            ["Paint", 42L, 12.345m, 0.5d, true, new DateOnly(2026, 3, 1), Instant, null]);

        var row = Assert.Single(await runner.RunAsync(statement));

        Assert.Equal("Paint", row[0]);
        Assert.Equal(42L, Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
        Assert.Equal(12.345m, Convert.ToDecimal(row[2], CultureInfo.InvariantCulture));
        Assert.Equal(0.5d, Convert.ToDouble(row[3], CultureInfo.InvariantCulture));
        Assert.Equal(true, row[4]);
        Assert.Equal(new DateOnly(2026, 3, 1), AsDate(row[5]));
        Assert.Equal(Instant, AsUtc(row[6]));
        Assert.Equal(true, row[7]);
        Assert.Equal(true, row[8]);
    }

    private static async Task A_date_parameter_filters_a_date_columnAsync(IWarehouse warehouse)
    {
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(30));
        var statement = new SqlStatement(
            """
            select count(*), min(d) from (values (date '2026-02-28'), (date '2026-03-01'), (date '2026-03-02')) as t(d)
            where d between $1 and $2
            """,
            [new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)]);

        var row = Assert.Single(await runner.RunAsync(statement));

        Assert.Equal(2L, Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2026, 3, 1), AsDate(row[1]));
    }

    private static async Task Nulls_come_back_as_null_and_rows_in_orderAsync(IWarehouse warehouse)
    {
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(30));
        var statement = new SqlStatement(
            "select n, case when n = 2 then null else n * 10 end from (values (3), (1), (2)) as t(n) order by n",
            []);

        var rows = await runner.RunAsync(statement);

        Assert.Equal([1L, 2L, 3L], rows.Select(row => Convert.ToInt64(row[0], CultureInfo.InvariantCulture)));
        Assert.Null(rows[1][1]);
        Assert.Equal(30L, Convert.ToInt64(rows[2][1], CultureInfo.InvariantCulture));
    }

    private static async Task A_statement_past_the_timeout_is_stoppedAsync(IWarehouse warehouse, string slowSql)
    {
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<QueryTimeoutException>(() => runner.RunAsync(new SqlStatement(slowSql, [])));

        Assert.Equal(1, timeout.TimeoutSeconds);
        Assert.DoesNotContain("select", timeout.Message, StringComparison.OrdinalIgnoreCase);
        // The pool's connection is usable afterwards.
        Assert.Single(await runner.RunAsync(new SqlStatement("select 1", [])));
    }

    private static async Task A_cancelled_caller_stops_the_statementAsync(IWarehouse warehouse, string slowSql)
    {
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(60));
        // Cancelled long before the 60 s timeout, while the statement runs (our DuckDB provider executes synchronously,
        // so the cancellation must come from elsewhere than the caller's thread).
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Task.Run(() => runner.RunAsync(new SqlStatement(slowSql, []), cancellation.Token), CancellationToken.None));
        Assert.Single(await runner.RunAsync(new SqlStatement("select 1", [])));
    }

    private static async Task Data_versions_are_read_and_a_read_that_must_be_fresh_still_answersAsync(IWarehouse warehouse)
    {
        await using (var connection = await warehouse.OpenWriteConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "insert into app.data_versions (subject, version) values ('sales', 7)";
            await command.ExecuteNonQueryAsync();
        }

        var versions = await new DataVersions(warehouse).ReadAsync(["sales", "pipeline"]);
        var runner = new QueryRunner(warehouse, TimeSpan.FromSeconds(30));
        var rows = await runner.RunAsync(new SqlStatement("select $1", [5L]), versions.Needed);

        Assert.Equal(7L, versions.Versions["sales"].Version);
        Assert.NotEqual(0L, versions.Versions["sales"].ChangedAtTicks);
        Assert.Equal(default, versions.Versions["pipeline"]);
        Assert.Equal(5L, Convert.ToInt64(Assert.Single(rows)[0], CultureInfo.InvariantCulture));
    }

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidOperationException($"Not a date: {value?.GetType().Name ?? "null"}"),
    };

    private static DateTime AsUtc(object? value) => value switch
    {
        DateTime { Kind: DateTimeKind.Utc } utc => utc,
        DateTime local => DateTime.SpecifyKind(local, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => throw new InvalidOperationException($"Not a timestamp: {value?.GetType().Name ?? "null"}"),
    };

    private static async Task OnDuckDbAsync(Func<IWarehouse, Task> test)
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await warehouse.MigrateAsync();
        await test(warehouse);
    }

    private static async Task OnPostgresAsync(Func<IWarehouse, Task> test)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var warehouse = TestWarehouses.Postgres(database.ConnectionString);
        await warehouse.MigrateAsync();
        await test(warehouse);
    }
}
