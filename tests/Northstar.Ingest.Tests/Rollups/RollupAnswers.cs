using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Ingest.Tests.Rollups;

/// <summary>Asks a question of a warehouse twice, from the rollups and from the fact tables, and compares the answers.</summary>
public static class RollupAnswers
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static QuerySpec Spec(string json) => JsonSerializer.Deserialize<QuerySpec>(json, Json)!;

    /// <summary>
    /// Compiles <paramref name="spec"/> with and without rollups, runs both, and asserts the answers are equal (numbers to
    /// 8 decimal places: an average is Σsum / Σcount from a rollup, the engine's avg from the fact table). Returns the
    /// rollup that answered.
    /// </summary>
    public static async Task<string?> AssertSameAsync(SemanticModel model, IWarehouse warehouse, QuerySpec spec, QueryScope scope,
                                                      DateOnly today, string description)
    {
        var context = new CompileContext(warehouse.Dialect, today, 1000);
        var fromRollups = QueryCompiler.Compile(model, spec, scope, context);
        var fromFacts = QueryCompiler.Compile(model, spec, scope, context with { UseRollups = false });
        Assert.Null(fromFacts.Rollup);

        var expected = Normalize(await AskAsync(warehouse, fromFacts));
        var actual = Normalize(await AskAsync(warehouse, fromRollups));
        if (expected != actual)
        {
            Assert.Fail($"{description} from {fromRollups.Rollup ?? "the fact tables"} differs from the fact tables:\n{actual}\nexpected\n{expected}");
        }

        return fromRollups.Rollup;
    }

    public static Task<QueryAnswer> AskAsync(IWarehouse warehouse, CompiledQuery compiled) =>
        new QueryRunner(warehouse, TimeSpan.FromMinutes(5)).AnswerAsync(compiled, null);

    // The whole answer as text, one line per row, totals and comparison included.
    private static string Normalize(QueryAnswer answer)
    {
        var lines = answer.Rows.Select(row => "row " + string.Join(" | ", row.Select(Text))).ToList();
        lines.Add("totals " + string.Join(" | ", answer.Totals.OrderBy(total => total.Key, StringComparer.Ordinal)
                                                             .Select(total => $"{total.Key}={Text(total.Value)}")));
        if (answer.Comparison is { } comparison)
        {
            lines.AddRange(comparison.Rows.Append(comparison.Totals).Select(row => "compared " + string.Join(" | ",
                row.OrderBy(metric => metric.Key, StringComparer.Ordinal)
                   .Select(metric => $"{metric.Key}={Text(metric.Value.Previous)},{Text(metric.Value.Delta)},{Text(metric.Value.Percent)}"))));
        }

        return string.Join('\n', lines);
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        decimal number => Math.Round(number, 8).ToString("0.########", CultureInfo.InvariantCulture),
        double number => Math.Round((decimal)number, 8).ToString("0.########", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
