using System.Globalization;
using Northstar.Core.Queries;

namespace Northstar.Bench.Suites;

/// <summary>A benchmark that read the wrong data measures nothing: each suite checks what it read.</summary>
internal static class Verify
{
    public static void Equal<T>(T expected, T actual, string what)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            throw new InvalidOperationException($"Wrong {what}: expected {expected}, got {actual}.");
        }
    }

    public static void Ascending<T>(T previous, T current, string what)
        where T : IComparable<T>
    {
        if (current.CompareTo(previous) <= 0)
        {
            throw new InvalidOperationException($"Wrong {what}: {current} came after {previous}.");
        }
    }

    /// <summary>
    /// Two answers to the same question (e.g. from the base tables and from a rollup) hold the same rows and totals.
    /// Numbers are compared as numbers: an engine may type a sum differently over a rollup than over the facts.
    /// </summary>
    public static void SameAnswer(QueryAnswer expected, QueryAnswer actual, string what)
    {
        Equal(expected.Rows.Count, actual.Rows.Count, $"row count of {what}");
        for (var row = 0; row < expected.Rows.Count; row++)
        {
            for (var column = 0; column < expected.Columns.Count; column++)
            {
                SameValue(expected.Rows[row][column], actual.Rows[row][column], $"{what}, row {row + 1}, {expected.Columns[column].Name}");
            }
        }

        foreach (var (name, value) in expected.Totals)
        {
            SameValue(value, actual.Totals.GetValueOrDefault(name), $"{what}, total {name}");
        }
    }

    private static void SameValue(object? expected, object? actual, string what)
    {
        var same = (expected, actual) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string or bool or DateTime or DateOnly, _) => expected.Equals(actual),
            (IConvertible, IConvertible) => NearlyEqual(
                Convert.ToDouble(expected, CultureInfo.InvariantCulture), Convert.ToDouble(actual, CultureInfo.InvariantCulture)),
            _ => expected.Equals(actual),
        };
        if (!same)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Wrong {what}: expected {expected}, got {actual}."));
        }
    }

    // Ratios (average order value, close rate) are divided by the engine in double precision on either side.
    private static bool NearlyEqual(double expected, double actual) =>
        Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
}
