using System.Globalization;
using System.Numerics;
using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>
/// Converts values as the engines return them (DuckDB and Npgsql differ: dates as DateTime or DateOnly, sums as decimal,
/// double or 128-bit integers) to the stable types of answers.
/// </summary>
internal static class AnswerValues
{
    /// <summary>The value of a column of <paramref name="type"/>: decimal, long, DateOnly, DateTime, bool or string.</summary>
    public static object? Convert(object? value, DataType type) => value switch
    {
        null or DBNull => null,
        _ => type switch
        {
            DataType.Integer => ToLong(value),
            DataType.Number => ToDecimal(value),
            DataType.Date => value switch
            {
                DateOnly date => date,
                DateTime time => DateOnly.FromDateTime(time),
                DateTimeOffset offset => DateOnly.FromDateTime(offset.DateTime),
                _ => throw Unexpected(value, type),
            },
            DataType.Timestamp => value switch
            {
                DateTime time => time,
                DateTimeOffset offset => offset.UtcDateTime,
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                _ => throw Unexpected(value, type),
            },
            DataType.Boolean => value as bool? ?? throw Unexpected(value, type),
            _ => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture),
        },
    };

    private static long ToLong(object value) => value switch
    {
        long integer => integer,
        BigInteger big => (long)big,
        Int128 big => (long)big,
        decimal number => (long)number,
        double number => (long)number,
        IConvertible convertible => convertible.ToInt64(CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, DataType.Integer),
    };

    private static decimal? ToDecimal(object value) => value switch
    {
        decimal number => number,
        // A double that is not a finite number has no decimal: shown as no value rather than failing the answer.
        double number => double.IsFinite(number) ? (decimal)number : null,
        float number => float.IsFinite(number) ? (decimal)number : null,
        BigInteger big => (decimal)big,
        Int128 big => (decimal)big,
        IConvertible convertible => convertible.ToDecimal(CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, DataType.Number),
    };

    private static InvalidOperationException Unexpected(object value, DataType type) =>
        new($"A {value.GetType().Name} was read for a column of type {type}.");
}
