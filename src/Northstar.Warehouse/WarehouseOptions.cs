using Npgsql;

namespace Northstar.Warehouse;

/// <summary>
/// Where the warehouse lives and how to reach it, bound from the <c>Northstar:Database</c> configuration section.
/// </summary>
public sealed class WarehouseOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Database";

    /// <summary>The value of <see cref="Engine"/> that selects embedded DuckDB (the default).</summary>
    public const string DuckDbEngine = "duckdb";

    /// <summary>The value of <see cref="Engine"/> that selects PostgreSQL.</summary>
    public const string PostgresEngine = "postgres";

    /// <summary>The engine: <c>duckdb</c> (embedded, the default) or <c>postgres</c>.</summary>
    public string Engine { get; set; } = DuckDbEngine;

    /// <summary>The data folder: holds the DuckDB file, and is the only folder DuckDB may read files from.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The DuckDB database file, relative to <see cref="DataDirectory"/> unless absolute.</summary>
    public string DuckDbFile { get; set; } = "northstar.duckdb";

    /// <summary>DuckDB worker threads; the engine's default (one per core) when not set.</summary>
    public int? Threads { get; set; }

    /// <summary>DuckDB memory limit, e.g. <c>2GB</c> or <c>50%</c>; the engine's default (80% of RAM) when not set.</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>The PostgreSQL primary's connection string; required when <see cref="Engine"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Connection strings of PostgreSQL read replicas that analytic reads are routed to while healthy.</summary>
    public IList<string> Replicas { get; set; } = [];

    /// <summary>How far a replica may lag behind the primary and still serve reads.</summary>
    public TimeSpan MaxReplicaLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a replica's health and lag are re-checked; zero checks before every read.</summary>
    public TimeSpan ReplicaCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The engine selected by <see cref="Engine"/>, or null when it names no known engine.</summary>
    public EngineKind? EngineKind => Engine?.Trim().ToLowerInvariant() switch
    {
        DuckDbEngine => Warehouse.EngineKind.DuckDb,
        PostgresEngine or "postgresql" => Warehouse.EngineKind.PostgreSql,
        _ => null,
    };

    /// <summary>The absolute path of the data folder (relative paths resolve against the current directory).</summary>
    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>The absolute path of the DuckDB file.</summary>
    public string ResolveDuckDbPath() => Path.GetFullPath(Path.Combine(ResolveDataDirectory(), DuckDbFile));

    /// <summary>
    /// Checks the options and returns one sentence per problem, naming the setting; empty when they are usable.
    /// Connection strings are never echoed back, since they may hold a password.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (EngineKind)
        {
            case null:
                problems.Add($"{SectionName}:Engine must be '{DuckDbEngine}' or '{PostgresEngine}' (it is '{Engine}').");
                break;
            case Warehouse.EngineKind.DuckDb:
                ValidateDuckDb(problems);
                break;
            case Warehouse.EngineKind.PostgreSql:
                ValidatePostgres(problems);
                break;
        }

        if (MaxReplicaLag < TimeSpan.Zero)
            problems.Add($"{SectionName}:MaxReplicaLag must not be negative.");
        if (ReplicaCheckInterval < TimeSpan.Zero)
            problems.Add($"{SectionName}:ReplicaCheckInterval must not be negative.");
        return problems;
    }

    private void ValidateDuckDb(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
            problems.Add($"{SectionName}:DataDirectory is required when Engine is {DuckDbEngine}.");
        // The folder becomes an element of DuckDB's allowed_directories list, written as [a,b].
        else if (DataDirectory.IndexOfAny([',', '[', ']']) >= 0)
            problems.Add($"{SectionName}:DataDirectory must not contain a comma or a square bracket (it is '{DataDirectory}').");
        if (string.IsNullOrWhiteSpace(DuckDbFile))
            problems.Add($"{SectionName}:DuckDbFile is required when Engine is {DuckDbEngine}.");
        if (Threads is <= 0)
            problems.Add($"{SectionName}:Threads must be at least 1 when set (it is {Threads}).");
        if (MemoryLimit is not null && string.IsNullOrWhiteSpace(MemoryLimit))
            problems.Add($"{SectionName}:MemoryLimit must be a size such as 2GB or 50% when set.");
        if (Replicas.Count > 0)
            problems.Add($"{SectionName}:Replicas are only used when Engine is {PostgresEngine}; remove them or switch the engine.");
    }

    private void ValidatePostgres(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add($"{SectionName}:ConnectionString is required when Engine is {PostgresEngine}.");
        else if (DescribeInvalidConnectionString(ConnectionString) is { } reason)
            problems.Add($"{SectionName}:ConnectionString is not a valid PostgreSQL connection string: {reason}");

        for (var i = 0; i < Replicas.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Replicas[i]))
                problems.Add($"{SectionName}:Replicas:{i} is empty.");
            else if (DescribeInvalidConnectionString(Replicas[i]) is { } reason)
                problems.Add($"{SectionName}:Replicas:{i} is not a valid PostgreSQL connection string: {reason}");
        }
    }

    private static string? DescribeInvalidConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException e)
        {
            // Npgsql's messages name the offending keyword, not the values, so they are safe to show.
            return e.Message;
        }
    }
}
