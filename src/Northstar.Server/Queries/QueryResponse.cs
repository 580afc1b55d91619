using System.Text.Json;
using System.Text.Json.Serialization;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Server.Queries;

/// <summary>The body of <c>POST /api/query</c> (and of each answer line of a batch). docs/query-api.md shows an example.</summary>
/// <param name="Columns">The columns, in row order: time bucket, dimensions, metrics.</param>
/// <param name="Rows">One array of values per row, in column order.</param>
/// <param name="Totals">Each metric over all matching rows (computed, not summed).</param>
/// <param name="Comparison">The comparison with its deltas; null without <c>compare</c>.</param>
/// <param name="Meta">How the answer was obtained.</param>
/// <param name="Explain">The statements and their parameters, with <c>?explain=true</c> only.</param>
public sealed record QueryResponse(
    IReadOnlyList<ColumnResponse> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyDictionary<string, object?> Totals,
    ComparisonResponse? Comparison,
    QueryMeta Meta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QueryExplain? Explain)
{
    internal static QueryResponse From(QueryResult result, string engine, bool explain)
    {
        var answer = result.Answer;
        return new QueryResponse(
            [.. answer.Columns.Select(column => new ColumnResponse(
                column.Name, WireName(column.Type), WireName(column.Format), column.Label, WireName(column.Role)))],
            answer.Rows,
            answer.Totals,
            answer.Comparison is { } comparison
                ? new ComparisonResponse(comparison.Kind, comparison.Range.From, comparison.Range.To, comparison.Rows, comparison.Totals)
                : null,
            new QueryMeta(engine, result.FromCache ? "hit" : "miss", result.Query.Rollup, result.DataVersions, result.DataAsOf,
                Math.Round(result.Elapsed.TotalMilliseconds, 3)),
            explain ? QueryExplain.Of(result.Query) : null);
    }

    internal static string WireName(DataType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());

    internal static string WireName(ValueFormat format) => JsonNamingPolicy.SnakeCaseLower.ConvertName(format.ToString());

    private static string WireName(ColumnRole role) => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());
}

/// <summary>A column of an answer.</summary>
/// <param name="Name">The member it shows (the time column is named after the time dimension).</param>
/// <param name="Type"><c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>date</c> or <c>timestamp</c>.</param>
/// <param name="Format">How to show values: <c>none</c>, <c>number</c>, <c>integer</c>, <c>currency</c>, <c>percent</c>, <c>date</c>, <c>duration</c>.</param>
/// <param name="Label">Human label.</param>
/// <param name="Role"><c>time</c>, <c>dimension</c> or <c>metric</c>.</param>
public sealed record ColumnResponse(string Name, string Type, string Format, string Label, string Role);

/// <summary>The comparison: for each row (same order as the answer's rows) and for the totals, each metric's previous value and deltas.</summary>
/// <param name="Kind"><c>previous_period</c> or <c>previous_year</c>.</param>
/// <param name="From">First day of the comparison range.</param>
/// <param name="To">Last day of the comparison range.</param>
/// <param name="Rows">Per row of the answer: metric → previous, delta and percent (null when the row has no counterpart).</param>
/// <param name="Totals">Metric → previous, delta and percent, for the totals.</param>
public sealed record ComparisonResponse(
    string Kind,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<IReadOnlyDictionary<string, MetricComparison>> Rows,
    IReadOnlyDictionary<string, MetricComparison> Totals);

/// <summary>How an answer was obtained.</summary>
/// <param name="Engine"><c>DuckDB</c> or <c>PostgreSQL</c>.</param>
/// <param name="Cache"><c>hit</c> (memory or Redis) or <c>miss</c> (computed by the engine for this request).</param>
/// <param name="Rollup">The rollup that answered, or null for the base tables.</param>
/// <param name="DataVersion">The data version of each subject read: the answer reflects exactly these.</param>
/// <param name="DataAsOf">When the newest of those subjects last changed (UTC), to show "data as of"; null when none
/// ever changed.</param>
/// <param name="Ms">Server time for this answer, in milliseconds.</param>
public sealed record QueryMeta(
    string Engine,
    string Cache,
    string? Rollup,
    IReadOnlyDictionary<string, long> DataVersion,
    DateTimeOffset? DataAsOf,
    double Ms);

/// <summary>The statements a query runs, for administrators (<c>?explain=true</c>).</summary>
/// <param name="Statements">Rows, totals and, with compare, the comparison's rows and totals.</param>
public sealed record QueryExplain(IReadOnlyList<ExplainedStatement> Statements)
{
    internal static QueryExplain Of(CompiledQuery query)
    {
        var statements = new List<ExplainedStatement>
        {
            new("rows", query.Rows.Sql, query.Rows.Parameters),
            new("totals", query.Totals.Sql, query.Totals.Parameters),
        };
        if (query.Comparison is { } comparison)
        {
            statements.Add(new("comparison_rows", comparison.Rows.Sql, comparison.Rows.Parameters));
            statements.Add(new("comparison_totals", comparison.Totals.Sql, comparison.Totals.Parameters));
        }

        return new QueryExplain(statements);
    }
}

/// <summary>One statement: its SQL and the values bound to <c>$1..$n</c>.</summary>
public sealed record ExplainedStatement(string Name, string Sql, IReadOnlyList<object?> Parameters);
