using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>
/// Turns the rows read for a compiled query into an answer: values converted to stable types (decimal for numbers,
/// long for counts, <see cref="DateOnly"/> for day..year buckets, <see cref="DateTime"/> for hour buckets, string for
/// strings), totals by metric, and the comparison matched row by row with its deltas.
/// </summary>
public static class AnswerAssembler
{
    /// <summary>Assembles the answer of <paramref name="query"/>.</summary>
    /// <param name="query">The compiled query whose statements produced the rows.</param>
    /// <param name="rows">The rows of <see cref="CompiledQuery.Rows"/> as read: one array per row, in the column order of
    /// <see cref="CompiledQuery.Columns"/>.</param>
    /// <param name="totals">The single row of <see cref="CompiledQuery.Totals"/>: the metric columns only, in metric
    /// order.</param>
    /// <param name="comparisonRows">The rows of the comparison statement, like <paramref name="rows"/>; null without
    /// compare.</param>
    /// <param name="comparisonTotals">The single row of the comparison totals; null without compare.</param>
    /// <returns>The answer.</returns>
    public static QueryAnswer Assemble(CompiledQuery query, IReadOnlyList<object?[]> rows, object?[] totals,
                                       IReadOnlyList<object?[]>? comparisonRows, object?[]? comparisonTotals)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);

        var columns = query.Columns;
        var metrics = columns.Where(column => column.Role == ColumnRole.Metric).ToArray();
        var keyCount = columns.Count - metrics.Length;
        var converted = rows.Select(row => ConvertRow(row, columns)).ToArray();
        var convertedTotals = ConvertTotals(totals, metrics);

        ComparisonAnswer? comparison = null;
        if (query.Comparison is { } compared)
        {
            if (comparisonRows is null || comparisonTotals is null)
            {
                throw new ArgumentException("The query has a comparison: its rows and totals are needed.", nameof(comparisonRows));
            }

            var previous = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var row in comparisonRows)
            {
                var values = ConvertRow(row, columns);
                previous[Key(values, keyCount)] = values;
            }

            var shift = new BucketShift(compared.Kind, query.Range!.Days, query.TimeGrain);
            var hasTime = keyCount > 0 && columns[0].Role == ColumnRole.Time;
            var matched = converted.Select(row =>
            {
                var key = (object?[])row.Clone();
                if (hasTime && key[0] is not null)
                {
                    key[0] = shift.Apply(key[0]!);
                }

                previous.TryGetValue(Key(key, keyCount), out var counterpart);
                return (IReadOnlyDictionary<string, MetricComparison>)metrics
                    .Select((metric, i) => (metric.Name, Value: Compare(row[keyCount + i], counterpart, keyCount + i)))
                    .ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);
            }).ToArray();

            var previousTotals = ConvertTotals(comparisonTotals, metrics);
            var totalComparison = metrics.ToDictionary(
                metric => metric.Name,
                metric => Deltas(convertedTotals[metric.Name], previousTotals[metric.Name]),
                StringComparer.Ordinal);
            comparison = new ComparisonAnswer(compared.Kind, compared.Range, matched, totalComparison);
        }

        return new QueryAnswer(columns, converted, convertedTotals, comparison);
    }

    private static object?[] ConvertRow(object?[] row, IReadOnlyList<ResultColumn> columns)
    {
        if (row.Length != columns.Count)
        {
            throw new ArgumentException($"A row has {row.Length} values for {columns.Count} columns.", nameof(row));
        }

        return row.Select((value, i) => AnswerValues.Convert(value, columns[i].Type)).ToArray();
    }

    private static Dictionary<string, object?> ConvertTotals(object?[] totals, ResultColumn[] metrics)
    {
        if (totals.Length != metrics.Length)
        {
            throw new ArgumentException($"The totals have {totals.Length} values for {metrics.Length} metrics.", nameof(totals));
        }

        return metrics
            .Select((metric, i) => (metric.Name, Value: AnswerValues.Convert(totals[i], metric.Type)))
            .ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);
    }

    private static string Key(object?[] values, int keyCount) =>
        string.Join('\u001f', values.Take(keyCount).Select(FilterValues.Canonical));

    private static MetricComparison Compare(object? current, object?[]? counterpart, int index) =>
        counterpart is null ? new MetricComparison(null, null, null) : Deltas(current, counterpart[index]);

    // Percent is relative to the size of the previous value, so a loss that shrinks reads as an improvement.
    private static MetricComparison Deltas(object? current, object? previous)
    {
        if (current is null || previous is null)
        {
            return new MetricComparison(previous, null, null);
        }

        var now = Convert.ToDecimal(current, System.Globalization.CultureInfo.InvariantCulture);
        var before = Convert.ToDecimal(previous, System.Globalization.CultureInfo.InvariantCulture);
        var delta = now - before;
        return new MetricComparison(previous, delta, before == 0 ? null : delta / Math.Abs(before));
    }

    /// <summary>Where a current bucket's counterpart lies: shifted back by the comparison, truncated to the grain.</summary>
    private sealed class BucketShift(string kind, int days, Grain? grain)
    {
        public object Apply(object bucket) => bucket switch
        {
            DateOnly date => Truncate(kind == "previous_year" ? date.AddYears(-1) : date.AddDays(-days)),
            DateTime time => kind == "previous_year" ? time.AddYears(-1) : time.AddDays(-days),
            _ => bucket,
        };

        private DateOnly Truncate(DateOnly date) => grain switch
        {
            Grain.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
            Grain.Month => new DateOnly(date.Year, date.Month, 1),
            Grain.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
            Grain.Year => new DateOnly(date.Year, 1, 1),
            _ => date,
        };
    }
}
