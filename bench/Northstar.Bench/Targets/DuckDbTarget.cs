using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Northstar.Bench.Measuring;
using Northstar.Core.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Bench.Targets;

/// <summary>
/// DuckDB in a database file of its own under a temporary folder, deleted when the run ends; or, kept under a name, in
/// the folder of that name, left for the next run.
/// </summary>
internal sealed partial class DuckDbTarget : BenchTarget
{
    private readonly string _folder;
    private readonly bool _kept;

    private DuckDbTarget(IWarehouse warehouse, string folder, bool kept)
        : base(warehouse) => (_folder, _kept) = (folder, kept);

    public override string Name => "duckdb";

    public override string EngineTimeSource => "`EXPLAIN ANALYZE`, its *Total Time*";

    public static DuckDbTarget Create(string? keep)
    {
        var folder = keep is null ? Path.Combine(Path.GetTempPath(), "northstar-bench-" + Guid.NewGuid().ToString("N")) : KeptWarehouse.Folder(keep);
        Directory.CreateDirectory(folder);
        Progress.Line($"duckdb: database file in {folder}" + (keep is null ? "" : " (kept)"));
        try
        {
            var options = new WarehouseOptions
            {
                Engine = WarehouseOptions.DuckDbEngine,
                DataDirectory = folder,
                DuckDbFile = KeptWarehouse.DuckDbFile,
            };
            return new DuckDbTarget(WarehouseFactory.Create(options), folder, kept: keep is not null);
        }
        catch when (keep is null)
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        "DuckDB " + await TextAsync("select version()", cancellationToken);

    /// <summary>
    /// Runs the query under <c>EXPLAIN ANALYZE</c>: DuckDB executes it fully, discards the rows instead of handing them to
    /// a client, and reports the query's total time, which is the engine's cost with none of our layer in it.
    /// </summary>
    public override async Task<TimeSpan> EngineTimeAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(
            statement with { Sql = "explain analyze " + statement.Sql }, null, null, cancellationToken);
        var plan = new StringBuilder();
        foreach (var cell in rows.SelectMany(row => row).OfType<string>())
        {
            plan.AppendLine(cell);
        }

        var match = TotalTime().Match(plan.ToString());
        if (!match.Success)
        {
            throw new InvalidOperationException(
                "DuckDB's EXPLAIN ANALYZE output has no 'Total Time: <seconds>s' line; its format may have changed.");
        }

        return TimeSpan.FromSeconds(double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture));
    }

    protected override string RowSource(long rows) => $"range({rows}) as t(i)";

    protected override string SettleSql(string table) => "checkpoint";

    public override async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        if (_kept)
            return;
        Directory.Delete(_folder, recursive: true);
        Progress.Line($"duckdb: deleted {_folder}");
    }

    [GeneratedRegex(@"Total Time:\s*(?<seconds>[0-9]+(\.[0-9]+)?)s")]
    private static partial Regex TotalTime();
}
