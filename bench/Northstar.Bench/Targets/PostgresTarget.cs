using System.Globalization;
using System.Text.Json;
using Northstar.Bench.Measuring;
using Northstar.Core.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;
using Npgsql;

namespace Northstar.Bench.Targets;

/// <summary>
/// PostgreSQL in a database of its own, created on the configured server for the run and dropped at its end; or, kept
/// under a name, in the database <c>ns_bench_keep_&lt;name&gt;</c>, created when missing and left for the next run.
/// </summary>
internal sealed class PostgresTarget : BenchTarget
{
    private const string ServerVariable = "NORTHSTAR_BENCH_PG";
    private const string FallbackVariable = "NORTHSTAR_TEST_PG";

    private readonly string _serverConnectionString;
    private readonly string _database;
    private readonly bool _kept;

    private PostgresTarget(IWarehouse warehouse, string serverConnectionString, string database, bool kept)
        : base(warehouse)
    {
        _serverConnectionString = serverConnectionString;
        _database = database;
        _kept = kept;
    }

    public override string Name => "postgres";

    public override string EngineTimeSource => "`EXPLAIN (ANALYZE, TIMING OFF)`, planning + execution time";

    /// <summary>Fails before any measurement when PostgreSQL is asked for but no server is configured.</summary>
    public static void CheckConfigured(IEnumerable<EngineKind> engines)
    {
        if (engines.Contains(EngineKind.PostgreSql))
        {
            _ = Server();
        }
    }

    public static async Task<PostgresTarget> CreateAsync(string? keep, CancellationToken cancellationToken)
    {
        var server = Server();

        var database = keep is null ? "ns_bench_" + Guid.NewGuid().ToString("N") : KeptWarehouse.Database(keep);
        if (keep is null || !await DatabaseExistsAsync(server, database, cancellationToken))
        {
            await ExecuteOnServerAsync(server, $"create database {database}", cancellationToken);
            Progress.Line($"postgres: created database {database}");
        }
        else
        {
            Progress.Line($"postgres: using the kept database {database}");
        }

        try
        {
            // Loads and scans of 10M rows outlast Npgsql's default 30-second command timeout on a busy machine.
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 };
            var options = new WarehouseOptions
            {
                Engine = WarehouseOptions.PostgresEngine,
                ConnectionString = builder.ConnectionString,
            };
            return new PostgresTarget(WarehouseFactory.Create(options), server, database, kept: keep is not null);
        }
        catch when (keep is null)
        {
            await DropDatabaseAsync(server, database, CancellationToken.None);
            throw;
        }
    }

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        "PostgreSQL " + await TextAsync("show server_version", cancellationToken);

    /// <summary>
    /// Runs the query under <c>EXPLAIN (ANALYZE, TIMING OFF)</c>: the server executes it fully but sends no rows, and
    /// reports its planning and execution times. Per-node timing is off because its clock reads would inflate the figure.
    /// </summary>
    public override async Task<TimeSpan> EngineTimeAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(
            statement with { Sql = "explain (analyze, timing off, format json) " + statement.Sql }, null, null, cancellationToken);
        var json = Convert.ToString(rows[0][0], CultureInfo.InvariantCulture) ?? "";
        using var document = JsonDocument.Parse(json);
        var plan = document.RootElement[0];
        var milliseconds = plan.GetProperty("Planning Time").GetDouble() + plan.GetProperty("Execution Time").GetDouble();
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    protected override string RowSource(long rows) => $"generate_series(0::bigint, {rows - 1}) as t(i)";

    protected override string SettleSql(string table) => $"vacuum analyze {table}";

    public override async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        if (!_kept)
            await DropDatabaseAsync(_serverConnectionString, _database, CancellationToken.None);
    }

    private static async Task<bool> DatabaseExistsAsync(string server, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select exists (select 1 from pg_database where datname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task DropDatabaseAsync(string server, string database, CancellationToken cancellationToken)
    {
        // Pooled idle connections to the database would block the drop; FORCE ends any that a pool elsewhere still holds.
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(server, $"drop database if exists {database} with (force)", cancellationToken);
        Progress.Line($"postgres: dropped database {database}");
    }

    private static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The connection string of the PostgreSQL server the harness may create databases on.</summary>
    public static string Server() => Variable(ServerVariable) ?? Variable(FallbackVariable) ?? throw new BenchSetupException(
        $"PostgreSQL: neither {ServerVariable} nor {FallbackVariable} is set. Start PostgreSQL with `scripts/services up`, "
        + $"then `eval \"$(scripts/services env)\"`, or set {ServerVariable} to the connection string of a server where "
        + "the harness may create and drop a database. Use --engine duckdb to measure DuckDB alone.");

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
