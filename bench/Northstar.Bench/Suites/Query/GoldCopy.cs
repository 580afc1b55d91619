using System.Data.Common;
using System.Globalization;
using Northstar.Bench.Measuring;
using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;
using Northstar.Warehouse;
using Npgsql;

namespace Northstar.Bench.Suites.Query;

/// <summary>
/// Fills a PostgreSQL warehouse's gold tables with those of the kept DuckDB warehouse of the same name and size, so both
/// engines answer over the same data. At 10M order lines, loading the demo company through PostgreSQL's ingest takes
/// hours on 2 cores; the query suite measures queries, not the load (the demo suite measures that). Each table's rows
/// are read from DuckDB and written to PostgreSQL's <c>COPY ... FROM STDIN</c> as CSV.
/// </summary>
internal static class GoldCopy
{
    /// <summary>Whether a kept DuckDB warehouse of <paramref name="keep"/> holds the demo company at <paramref name="size"/>.</summary>
    public static async Task<bool> AvailableAsync(string keep, string size, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(KeptWarehouse.Folder(keep), KeptWarehouse.DuckDbFile)))
            return false;
        await using var duckDb = WarehouseFactory.Create(KeptWarehouse.Settings("duckdb", keep).Options);
        await using var connection = await duckDb.OpenReadConnectionAsync(cancellationToken);
        var tables = await NamesAsync(connection, "select table_name from information_schema.tables where table_schema = 'bench' and table_name = 'query_prepared'", cancellationToken);
        if (tables.Count == 0)
            return false;
        return (await NamesAsync(connection, "select size from bench.query_prepared", cancellationToken)).Contains(size);
    }

    public static async Task CopyAsync(string keep, IWarehouse postgres, CancellationToken cancellationToken)
    {
        await using var duckDb = WarehouseFactory.Create(KeptWarehouse.Settings("duckdb", keep).Options);
        await using var source = await duckDb.OpenReadConnectionAsync(cancellationToken);
        await using var target = (NpgsqlConnection)await postgres.OpenWriteConnectionAsync(cancellationToken);
        var tables = await NamesAsync(source,
            "select table_name from information_schema.tables where table_schema = 'gold' and table_type = 'BASE TABLE' order by 1", cancellationToken);
        foreach (var table in tables)
        {
            var columns = await NamesAsync(source,
                $"select column_name from information_schema.columns where table_schema = 'gold' and table_name = '{table}' order by ordinal_position",
                cancellationToken);
            await ExecuteAsync(target, $"truncate gold.{table}", cancellationToken);
            await using var command = source.CreateCommand();
            command.CommandText = $"select {string.Join(", ", columns)} from gold.{table}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = 0L;
            using (var writer = await target.BeginTextImportAsync(
                       $"copy gold.{table} ({string.Join(", ", columns)}) from stdin (format csv)", cancellationToken))
            {
                var line = new System.Text.StringBuilder();
                while (await reader.ReadAsync(cancellationToken))
                {
                    line.Clear();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (i > 0)
                            line.Append(',');
                        line.Append(Csv(reader.IsDBNull(i) ? null : reader.GetValue(i)));
                    }

                    await writer.WriteLineAsync(line, cancellationToken);
                    rows++;
                }
            }

            Progress.Line($"postgres query: copied {Figures.Count(rows)} rows of gold.{table} from the kept DuckDB warehouse");
        }

        await ExecuteAsync(target, "vacuum analyze", cancellationToken);
    }

    // A CSV field PostgreSQL reads back as the same value: empty for null, quoted text (so an empty string stays one).
    private static string Csv(object? value) => value switch
    {
        null => "",
        string text => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        bool flag => flag ? "true" : "false",
        DateTime { Kind: DateTimeKind.Utc } instant => instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00",
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime local => local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "\"" + value.ToString()!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
    };

    private static async Task<IReadOnlyList<string>> NamesAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            names.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
