using System.Text.Json;
using Northstar.Warehouse;
using Npgsql;

namespace Northstar.Bench.Targets;

/// <summary>
/// Where a warehouse kept under a name (<c>--keep</c>) lives: the DuckDB folder <c>&lt;temp&gt;/northstar-bench-keep-&lt;name&gt;</c>
/// or the PostgreSQL database <c>ns_bench_keep_&lt;name&gt;</c>, and the settings that point the server at it.
/// </summary>
internal static class KeptWarehouse
{
    /// <summary>The DuckDB file's name in its folder. Not bench.duckdb: DuckDB names the catalog after the file, and a catalog "bench" would clash with the schema.</summary>
    public const string DuckDbFile = "warehouse.duckdb";

    /// <summary>JSON as the API reads and writes it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static string Folder(string name) => Path.Combine(Path.GetTempPath(), "northstar-bench-keep-" + name);

    public static string Database(string name) => "ns_bench_keep_" + name;

    /// <summary>The warehouse options and the server's command-line settings for the kept warehouse on <paramref name="engine"/>.</summary>
    public static (WarehouseOptions Options, IReadOnlyList<string> Arguments) Settings(string engine, string name)
    {
        if (engine == "duckdb")
        {
            var folder = Folder(name);
            if (!File.Exists(Path.Combine(folder, DuckDbFile)))
                throw new BenchSetupException($"No kept DuckDB warehouse \"{name}\" in {folder}: prepare it with `query --engine duckdb --keep {name}`.");
            return (new WarehouseOptions { Engine = WarehouseOptions.DuckDbEngine, DataDirectory = folder, DuckDbFile = DuckDbFile },
                    ["--Northstar:Database:Engine=duckdb", $"--Northstar:Database:DataDirectory={folder}", $"--Northstar:Database:DuckDbFile={DuckDbFile}"]);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTarget.Server()) { Database = Database(name) }.ConnectionString;
        return (new WarehouseOptions { Engine = WarehouseOptions.PostgresEngine, ConnectionString = connectionString },
                ["--Northstar:Database:Engine=postgres", $"--Northstar:Database:ConnectionString={connectionString}"]);
    }

    /// <summary>
    /// Removes the accounts an earlier run left in the kept warehouse (it is the harness's own), so the server creates
    /// its first Super Admin with the password of this run.
    /// </summary>
    public static async Task ForgetAccountsAsync((WarehouseOptions Options, IReadOnlyList<string> Arguments) warehouse, CancellationToken cancellationToken)
    {
        await using var opened = WarehouseFactory.Create(warehouse.Options);
        await using var connection = await opened.OpenWriteConnectionAsync(cancellationToken);
        foreach (var table in new[] { "app.sessions", "app.user_branches", "app.api_token_branches", "app.api_tokens", "app.audit", "app.users" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"delete from {table}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
