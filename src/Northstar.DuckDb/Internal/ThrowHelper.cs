using System.Diagnostics.CodeAnalysis;

namespace Northstar.DuckDb.Internal;

/// <summary>Throws from hot paths, keeping the throwing code out of methods the JIT should inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidCast(string message) => throw new InvalidCastException(message);

    [DoesNotReturn]
    public static T ThrowInvalidCast<T>(string message) => throw new InvalidCastException(message);

    [DoesNotReturn]
    public static void ThrowNoRow() =>
        throw new InvalidOperationException("No row is available: call Read() and check that it returned true.");

    [DoesNotReturn]
    public static void ThrowReaderClosed() => throw new InvalidOperationException("The data reader is closed.");

    [DoesNotReturn]
    public static void ThrowOrdinal(int ordinal, int fieldCount) =>
        throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range: the result has {fieldCount} column(s).");

    [DoesNotReturn]
    public static void ThrowNull(string column) =>
        throw new InvalidCastException($"Column '{column}' is null: check IsDBNull first or read a nullable type.");

    [DoesNotReturn]
    public static T ThrowUnsupportedType<T>(string dataTypeName) =>
        throw new NotSupportedException($"DuckDB type {dataTypeName} is not supported by this provider: cast it to VARCHAR in the query.");

    [DoesNotReturn]
    public static T ThrowCannotRead<T>(string dataTypeName, Type target) =>
        throw new InvalidCastException($"A {dataTypeName} value cannot be read as {target.Name}.");

    [DoesNotReturn]
    public static T ThrowOutOfRange<T>(string dataTypeName, Type target) =>
        throw new InvalidCastException($"The {dataTypeName} value is outside the range of {target.Name}.");
}
