using System.Globalization;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>Builds <c>duckdb_value</c>s for .NET values that have no direct bind or append call (lists).</summary>
internal static unsafe class NativeValues
{
    /// <summary>A LIST value from a one-dimensional array of primitives, strings, dates, decimals or GUIDs.</summary>
    public static ValueHandle CreateList(Array array)
    {
        var elementType = array.GetType().GetElementType()!;
        var element = Nullable.GetUnderlyingType(elementType) ?? elementType;
        using var childType = new LogicalTypeHandle(NativeMethods.CreateLogicalType(TypeOf(element)), null);
        var items = new IntPtr[array.Length];
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Create(array.GetValue(i));
            }

            fixed (IntPtr* pointers = items)
            {
                return new ValueHandle(NativeMethods.CreateListValue(childType, pointers, (ulong)items.Length), null);
            }
        }
        finally
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] != IntPtr.Zero)
                {
                    NativeMethods.DestroyValue(ref items[i]);
                }
            }
        }
    }

    private static DuckDbType TypeOf(Type element) => element switch
    {
        _ when element == typeof(bool) => DuckDbType.Boolean,
        _ when element == typeof(sbyte) => DuckDbType.TinyInt,
        _ when element == typeof(short) => DuckDbType.SmallInt,
        _ when element == typeof(int) => DuckDbType.Integer,
        _ when element == typeof(long) => DuckDbType.BigInt,
        _ when element == typeof(byte) => DuckDbType.UTinyInt,
        _ when element == typeof(ushort) => DuckDbType.USmallInt,
        _ when element == typeof(uint) => DuckDbType.UInteger,
        _ when element == typeof(ulong) => DuckDbType.UBigInt,
        _ when element == typeof(float) => DuckDbType.Float,
        _ when element == typeof(double) => DuckDbType.Double,
        _ when element == typeof(string) => DuckDbType.Varchar,
        _ when element == typeof(DateOnly) => DuckDbType.Date,
        _ when element == typeof(DateTime) => DuckDbType.Timestamp,
        _ when element == typeof(DateTimeOffset) => DuckDbType.TimestampTz,
        _ when element == typeof(TimeOnly) => DuckDbType.Time,
        _ when element == typeof(Guid) => DuckDbType.Uuid,
        _ => throw new NotSupportedException(
            $"Arrays of {element.Name} cannot be bound as a LIST; use an array of a primitive type, string, date or Guid."),
    };

    private static IntPtr Create(object? value) => value switch
    {
        null or DBNull => NativeMethods.CreateNullValue(),
        bool flag => NativeMethods.CreateBool(flag),
        sbyte number => NativeMethods.CreateInt8(number),
        short number => NativeMethods.CreateInt16(number),
        int number => NativeMethods.CreateInt32(number),
        long number => NativeMethods.CreateInt64(number),
        byte number => NativeMethods.CreateUInt8(number),
        ushort number => NativeMethods.CreateUInt16(number),
        uint number => NativeMethods.CreateUInt32(number),
        ulong number => NativeMethods.CreateUInt64(number),
        float number => NativeMethods.CreateFloat(number),
        double number => NativeMethods.CreateDouble(number),
        string text => CreateVarchar(text),
        DateOnly date => NativeMethods.CreateDate(Conversions.DateOnlyToDays(date)),
        DateTime dateTime => NativeMethods.CreateTimestamp(Conversions.DateTimeToMicros(dateTime)),
        DateTimeOffset offset => NativeMethods.CreateTimestampTz(Conversions.DateTimeOffsetToMicros(offset)),
        TimeOnly time => NativeMethods.CreateTime(Conversions.TimeOnlyToMicros(time)),
        Guid guid => NativeMethods.CreateUuid(Conversions.GuidToUHugeInt(guid)),
        _ => throw new NotSupportedException(
            string.Create(CultureInfo.InvariantCulture, $"A {value.GetType().Name} element cannot be bound in a LIST.")),
    };

    public static IntPtr CreateVarchar(string text)
    {
        using var utf8 = new Utf8(text, stackalloc byte[256]);
        fixed (byte* bytes = utf8.Bytes)
        {
            return NativeMethods.CreateVarcharLength(bytes, (ulong)utf8.Bytes.Length);
        }
    }
}
