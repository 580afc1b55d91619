using System.Numerics;
using System.Runtime.CompilerServices;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// Reads one value of a vector as a .NET type. The exact type of the column is the fast path (a pointer read); other
/// compatible types are converted (checked: a value that does not fit throws <see cref="InvalidCastException"/>).
/// Callers check for NULL first.
/// </summary>
internal static class VectorValues
{
    public static bool GetBoolean(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Boolean ? v.Get<byte>(row) != 0 : Cannot<bool>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetInt32(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Integer ? v.Get<int>(row) : Narrow<int>(v, row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long GetInt64(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.BigInt ? v.Get<long>(row) : Narrow<long>(v, row);

    public static short GetInt16(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.SmallInt ? v.Get<short>(row) : Narrow<short>(v, row);

    public static sbyte GetSByte(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.TinyInt ? v.Get<sbyte>(row) : Narrow<sbyte>(v, row);

    public static byte GetByte(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.UTinyInt ? v.Get<byte>(row) : Narrow<byte>(v, row);

    public static ushort GetUInt16(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.USmallInt ? v.Get<ushort>(row) : Narrow<ushort>(v, row);

    public static uint GetUInt32(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.UInteger ? v.Get<uint>(row) : Narrow<uint>(v, row);

    public static ulong GetUInt64(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.UBigInt ? v.Get<ulong>(row) : Narrow<ulong>(v, row);

    public static UInt128 GetUInt128(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.UHugeInt ? v.Get<DuckDbUHugeInt>(row).ToUInt128() : Narrow<UInt128>(v, row);

    /// <summary>Any integer column as a 128-bit integer (UHUGEINT values above Int128.MaxValue do not fit).</summary>
    public static Int128 GetInt128(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.TinyInt => v.Get<sbyte>(row),
        DuckDbType.SmallInt => v.Get<short>(row),
        DuckDbType.Integer => v.Get<int>(row),
        DuckDbType.BigInt => v.Get<long>(row),
        DuckDbType.UTinyInt => v.Get<byte>(row),
        DuckDbType.USmallInt => v.Get<ushort>(row),
        DuckDbType.UInteger => v.Get<uint>(row),
        DuckDbType.UBigInt => v.Get<ulong>(row),
        DuckDbType.HugeInt => v.Get<DuckDbHugeInt>(row).ToInt128(),
        DuckDbType.UHugeInt => v.Get<DuckDbUHugeInt>(row).ToUInt128() <= (UInt128)Int128.MaxValue
            ? (Int128)v.Get<DuckDbUHugeInt>(row).ToUInt128()
            : OutOfRange<Int128>(v),
        _ => Cannot<Int128>(v),
    };

    public static BigInteger GetBigInteger(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.UHugeInt ? (BigInteger)v.Get<DuckDbUHugeInt>(row).ToUInt128() : (BigInteger)GetInt128(v, row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetDouble(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Double ? v.Get<double>(row) : GetDoubleSlow(v, row);

    public static float GetFloat(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Float ? v.Get<float>(row) : (float)GetDoubleSlow(v, row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal GetDecimal(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Decimal && v.Type.Physical == DuckDbType.BigInt
            ? Conversions.Int64ToDecimal(v.Get<long>(row), v.Type.Scale)
            : GetDecimalSlow(v, row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string GetString(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Varchar ? v.GetString(row) : GetStringSlow(v, row);

    public static byte[] GetBlob(in VectorView v, ulong row) =>
        v.Type.Id is DuckDbType.Blob or DuckDbType.Varchar ? v.GetBytes(row).ToArray() : Cannot<byte[]>(v);

    public static DateTime GetDateTime(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.Timestamp => Conversions.MicrosToDateTime(v.Get<long>(row), DateTimeKind.Unspecified),
        DuckDbType.TimestampTz => Conversions.MicrosToDateTime(v.Get<long>(row), DateTimeKind.Utc),
        DuckDbType.Date => Conversions.DateToDateTime(v.Get<int>(row)),
        DuckDbType.TimestampS => Conversions.MicrosToDateTime(Scale(v, v.Get<long>(row), 1_000_000), DateTimeKind.Unspecified),
        DuckDbType.TimestampMs => Conversions.MicrosToDateTime(Scale(v, v.Get<long>(row), 1_000), DateTimeKind.Unspecified),
        DuckDbType.TimestampNs => Conversions.MicrosToDateTime(Math.DivRem(v.Get<long>(row), 1_000, out var ns) - (ns < 0 ? 1 : 0), DateTimeKind.Unspecified)
            .AddTicks((ns < 0 ? ns + 1_000 : ns) / 100),
        _ => Cannot<DateTime>(v),
    };

    public static DateOnly GetDateOnly(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Date ? Conversions.DateToDateOnly(v.Get<int>(row)) : DateOnly.FromDateTime(GetDateTime(v, row));

    public static DateTimeOffset GetDateTimeOffset(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.TimestampTz
            ? new DateTimeOffset(Conversions.MicrosToDateTime(v.Get<long>(row), DateTimeKind.Utc))
            : Cannot<DateTimeOffset>(v);

    public static TimeSpan GetTimeSpan(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.Time => new TimeSpan(v.Get<long>(row) * TimeSpan.TicksPerMicrosecond),
        DuckDbType.Interval => GetInterval(v, row).ToTimeSpan(),
        _ => Cannot<TimeSpan>(v),
    };

    public static TimeOnly GetTimeOnly(in VectorView v, ulong row) =>
        v.Type.Id == DuckDbType.Time
            ? new TimeOnly(Math.Min(v.Get<long>(row) * TimeSpan.TicksPerMicrosecond, TimeOnly.MaxValue.Ticks))
            : Cannot<TimeOnly>(v);

    public static DuckDbInterval GetInterval(in VectorView v, ulong row)
    {
        if (v.Type.Id != DuckDbType.Interval)
        {
            return Cannot<DuckDbInterval>(v);
        }

        var value = v.Get<DuckDbIntervalStruct>(row);
        return new DuckDbInterval(value.Months, value.Days, value.Micros);
    }

    public static Guid GetGuid(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.Uuid => Conversions.UuidToGuid(v.Get<DuckDbHugeInt>(row)),
        DuckDbType.Varchar => Guid.TryParse(v.GetBytes(row), out var guid) ? guid : Cannot<Guid>(v),
        _ => Cannot<Guid>(v),
    };

    /// <summary>The value as <see cref="ColumnType.ClrType"/>, boxed.</summary>
    public static object GetValue(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.Boolean => v.Get<byte>(row) != 0,
        DuckDbType.TinyInt => v.Get<sbyte>(row),
        DuckDbType.SmallInt => v.Get<short>(row),
        DuckDbType.Integer => v.Get<int>(row),
        DuckDbType.BigInt => v.Get<long>(row),
        DuckDbType.UTinyInt => v.Get<byte>(row),
        DuckDbType.USmallInt => v.Get<ushort>(row),
        DuckDbType.UInteger => v.Get<uint>(row),
        DuckDbType.UBigInt => v.Get<ulong>(row),
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Decimal => GetDecimal(v, row),
        DuckDbType.Float => v.Get<float>(row),
        DuckDbType.Double => v.Get<double>(row),
        DuckDbType.Varchar => v.GetString(row),
        DuckDbType.Enum => GetStringSlow(v, row),
        DuckDbType.Blob => v.GetBytes(row).ToArray(),
        DuckDbType.Date or DuckDbType.Timestamp or DuckDbType.TimestampTz
            or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetDateTime(v, row),
        DuckDbType.Time => GetTimeSpan(v, row),
        DuckDbType.Interval => GetInterval(v, row),
        DuckDbType.Uuid => GetGuid(v, row),
        DuckDbType.List => ListValues.GetArray(v, row),
        DuckDbType.SqlNull => DBNull.Value,
        _ => ThrowHelper.ThrowUnsupportedType<object>(v.Type.Name),
    };

    /// <summary>The value as <typeparamref name="T"/>; the common types without boxing (the JIT keeps one branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get<T>(in VectorView v, ulong row)
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(int?)) return As<int, T>(GetInt32(v, row));
        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?)) return As<long, T>(GetInt64(v, row));
        if (typeof(T) == typeof(string)) return (T)(object)GetString(v, row);
        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?)) return As<double, T>(GetDouble(v, row));
        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?)) return As<decimal, T>(GetDecimal(v, row));
        if (typeof(T) == typeof(bool) || typeof(T) == typeof(bool?)) return As<bool, T>(GetBoolean(v, row));
        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?)) return As<DateTime, T>(GetDateTime(v, row));
        if (typeof(T) == typeof(short) || typeof(T) == typeof(short?)) return As<short, T>(GetInt16(v, row));
        if (typeof(T) == typeof(sbyte) || typeof(T) == typeof(sbyte?)) return As<sbyte, T>(GetSByte(v, row));
        if (typeof(T) == typeof(byte) || typeof(T) == typeof(byte?)) return As<byte, T>(GetByte(v, row));
        if (typeof(T) == typeof(ushort) || typeof(T) == typeof(ushort?)) return As<ushort, T>(GetUInt16(v, row));
        if (typeof(T) == typeof(uint) || typeof(T) == typeof(uint?)) return As<uint, T>(GetUInt32(v, row));
        if (typeof(T) == typeof(ulong) || typeof(T) == typeof(ulong?)) return As<ulong, T>(GetUInt64(v, row));
        if (typeof(T) == typeof(float) || typeof(T) == typeof(float?)) return As<float, T>(GetFloat(v, row));
        if (typeof(T) == typeof(Int128) || typeof(T) == typeof(Int128?)) return As<Int128, T>(GetInt128(v, row));
        if (typeof(T) == typeof(UInt128) || typeof(T) == typeof(UInt128?)) return As<UInt128, T>(GetUInt128(v, row));
        if (typeof(T) == typeof(BigInteger) || typeof(T) == typeof(BigInteger?)) return As<BigInteger, T>(GetBigInteger(v, row));
        if (typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateOnly?)) return As<DateOnly, T>(GetDateOnly(v, row));
        if (typeof(T) == typeof(TimeOnly) || typeof(T) == typeof(TimeOnly?)) return As<TimeOnly, T>(GetTimeOnly(v, row));
        if (typeof(T) == typeof(TimeSpan) || typeof(T) == typeof(TimeSpan?)) return As<TimeSpan, T>(GetTimeSpan(v, row));
        if (typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(DateTimeOffset?)) return As<DateTimeOffset, T>(GetDateTimeOffset(v, row));
        if (typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?)) return As<Guid, T>(GetGuid(v, row));
        if (typeof(T) == typeof(DuckDbInterval) || typeof(T) == typeof(DuckDbInterval?)) return As<DuckDbInterval, T>(GetInterval(v, row));
        if (typeof(T) == typeof(byte[])) return (T)(object)GetBlob(v, row);
        if (typeof(T).IsArray && v.Type.Id == DuckDbType.List) return ListValues.GetTypedArray<T>(v, row);
        return GetValue(v, row) is T value ? value : Cannot<T>(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T As<TValue, T>(TValue value)
        where TValue : struct
    {
        if (typeof(T) == typeof(TValue))
        {
            return Unsafe.As<TValue, T>(ref value);
        }

        TValue? nullable = value;
        return Unsafe.As<TValue?, T>(ref nullable);
    }

    private static T Narrow<T>(in VectorView v, ulong row)
        where T : IBinaryInteger<T>
    {
        try
        {
            return v.Type.Id == DuckDbType.UHugeInt
                ? T.CreateChecked(v.Get<DuckDbUHugeInt>(row).ToUInt128())
                : T.CreateChecked(GetInt128(v, row));
        }
        catch (OverflowException)
        {
            return OutOfRange<T>(v);
        }
    }

    private static double GetDoubleSlow(in VectorView v, ulong row) => v.Type.Id switch
    {
        DuckDbType.Double => v.Get<double>(row),
        DuckDbType.Float => v.Get<float>(row),
        DuckDbType.Decimal => (double)GetDecimalSlow(v, row),
        DuckDbType.UHugeInt => (double)v.Get<DuckDbUHugeInt>(row).ToUInt128(),
        _ => (double)GetInt128(v, row),
    };

    private static decimal GetDecimalSlow(in VectorView v, ulong row)
    {
        switch (v.Type.Id)
        {
            case DuckDbType.Decimal:
                return v.Type.Physical switch
                {
                    DuckDbType.SmallInt => Conversions.Int64ToDecimal(v.Get<short>(row), v.Type.Scale),
                    DuckDbType.Integer => Conversions.Int64ToDecimal(v.Get<int>(row), v.Type.Scale),
                    DuckDbType.BigInt => Conversions.Int64ToDecimal(v.Get<long>(row), v.Type.Scale),
                    _ => Conversions.Int128ToDecimal(v.Get<DuckDbHugeInt>(row).ToInt128(), v.Type.Scale, v.Type.Name),
                };
            case DuckDbType.UHugeInt:
                var unsigned = v.Get<DuckDbUHugeInt>(row).ToUInt128();
                return unsigned <= (UInt128)Int128.MaxValue ? Conversions.Int128ToDecimal((Int128)unsigned, 0, v.Type.Name) : OutOfRange<decimal>(v);
            case DuckDbType.Float or DuckDbType.Double:
                var real = GetDoubleSlow(v, row);
                return real is >= (double)decimal.MinValue and <= (double)decimal.MaxValue ? (decimal)real : OutOfRange<decimal>(v);
            default:
                return Conversions.Int128ToDecimal(GetInt128(v, row), 0, v.Type.Name);
        }
    }

    private static string GetStringSlow(in VectorView v, ulong row)
    {
        if (v.Type.Id != DuckDbType.Enum)
        {
            return Cannot<string>(v);
        }

        var index = v.Type.Physical switch
        {
            DuckDbType.UTinyInt => v.Get<byte>(row),
            DuckDbType.USmallInt => v.Get<ushort>(row),
            _ => v.Get<uint>(row),
        };
        return v.Type.EnumValues![index];
    }

    private static long Scale(in VectorView v, long value, long factor) =>
        value is long.MaxValue or -long.MaxValue ? value
        : value >= long.MinValue / factor && value <= long.MaxValue / factor ? value * factor
        : OutOfRange<long>(v);

    private static T Cannot<T>(in VectorView v) => ThrowHelper.ThrowCannotRead<T>(v.Type.Name, typeof(T));

    private static T OutOfRange<T>(in VectorView v) => ThrowHelper.ThrowOutOfRange<T>(v.Type.Name, typeof(T));
}
