using System.Diagnostics;
using Northstar.Bench.Targets;
using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Warehouse.Queries;

namespace Northstar.Bench.Suites.Query;

/// <summary>
/// Asks one tile's question in-process as the query endpoint does (compile, then run its statements concurrently and
/// assemble the answer), from the base tables or from the rollups; the engine's own time for the same statements, and
/// their time run directly through the engine's client.
/// </summary>
internal sealed class TileQuery(SemanticModel model, BenchTarget target, QueryRunner runner, DateOnly today)
{
    public CompiledQuery Compile(QuerySpec spec, bool useRollups) =>
        QueryCompiler.Compile(
            model, spec, QueryScope.Unrestricted, new CompileContext(target.Warehouse.Dialect, today) { UseRollups = useRollups });

    public async Task<QueryAnswer> AnswerAsync(QuerySpec spec, bool useRollups, CancellationToken cancellationToken) =>
        await runner.AnswerAsync(Compile(spec, useRollups), null, cancellationToken);

    /// <summary>The engine's time for each of the compiled statements, run one after the other, summed.</summary>
    public async Task<TimeSpan> EngineTimeAsync(QuerySpec spec, bool useRollups, CancellationToken cancellationToken)
    {
        var total = TimeSpan.Zero;
        foreach (var statement in Statements(Compile(spec, useRollups)))
        {
            total += await target.EngineTimeAsync(statement, cancellationToken);
        }

        return total;
    }

    /// <summary>
    /// The compiled statements run directly through the engine's client library (Npgsql, or our DuckDB provider), one
    /// after the other, each on a read connection, every row read: what running the same SQL by hand costs, the client
    /// round trip included.
    /// </summary>
    public async Task<TimeSpan> DirectTimeAsync(QuerySpec spec, bool useRollups, CancellationToken cancellationToken)
    {
        var statements = Statements(Compile(spec, useRollups)).ToList();
        var start = Stopwatch.GetTimestamp();
        foreach (var statement in statements)
        {
            await using var connection = await target.Warehouse.OpenReadConnectionAsync(cancellationToken);
            await connection.QueryRowsAsync(statement, null, null, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(start);
    }

    // The statements the runner runs: a single-row answer's totals statement is its rows statement, run once.
    private static IEnumerable<SqlStatement> Statements(CompiledQuery query)
    {
        yield return query.Rows;
        if (!ReferenceEquals(query.Totals, query.Rows))
            yield return query.Totals;
        if (query.Comparison is { } comparison)
        {
            yield return comparison.Rows;
            if (!ReferenceEquals(comparison.Totals, comparison.Rows))
                yield return comparison.Totals;
        }
    }
}
