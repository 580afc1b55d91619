using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>Between DuckDB's storage formats and .NET values (both directions).</summary>
internal static class Conversions
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;
    private const long MinMicros = -UnixEpochTicks / TimeSpan.TicksPerMicrosecond;
    private const long MaxMicros = (3_155_378_975_999_999_999 - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;
    private const ulong UuidTopBit = 0x8000_0000_0000_0000;

    // DuckDB writes +/-infinity dates and timestamps as the extreme representable values.
    private const int DateInfinity = int.MaxValue;
    private const long TimestampInfinity = long.MaxValue;

    private static readonly UInt128 DecimalMantissaLimit = (UInt128)1 << 96;

    public static DateTime DateToDateTime(int days) => days switch
    {
        DateInfinity => DateTime.MaxValue,
        -DateInfinity => DateTime.MinValue,
        _ => MicrosToDateTime(days * (long)TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond, DateTimeKind.Unspecified),
    };

    public static DateOnly DateToDateOnly(int days) => days switch
    {
        DateInfinity => DateOnly.MaxValue,
        -DateInfinity => DateOnly.MinValue,
        _ => (long)days + UnixEpochDayNumber is >= 0 and <= 3_652_058
            ? DateOnly.FromDayNumber(days + UnixEpochDayNumber)
            : ThrowHelper.ThrowOutOfRange<DateOnly>("DATE", typeof(DateOnly)),
    };

    public static int DateOnlyToDays(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    public static int DateTimeToDays(DateTime value) => (int)((value.Date.Ticks - UnixEpochTicks) / TimeSpan.TicksPerDay);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTime MicrosToDateTime(long micros, DateTimeKind kind)
    {
        if (micros is < MinMicros or > MaxMicros)
        {
            return micros switch
            {
                TimestampInfinity => DateTime.MaxValue,
                -TimestampInfinity => DateTime.MinValue,
                _ => ThrowHelper.ThrowOutOfRange<DateTime>("TIMESTAMP", typeof(DateTime)),
            };
        }

        return new DateTime(UnixEpochTicks + (micros * TimeSpan.TicksPerMicrosecond), kind);
    }

    public static long DateTimeToMicros(DateTime value) => (value.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    public static long DateTimeOffsetToMicros(DateTimeOffset value) => (value.UtcTicks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    public static long TimeSpanToMicros(TimeSpan value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    public static long TimeOnlyToMicros(TimeOnly value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>DuckDB stores a UUID as a hugeint with the top bit flipped, so that signed order is UUID order.</summary>
    public static Guid UuidToGuid(DuckDbHugeInt value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ UuidTopBit);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The UUID as its natural 128-bit number (RFC 4122 byte order), as <c>duckdb_create_uuid</c> takes it.</summary>
    public static DuckDbUHugeInt GuidToUHugeInt(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDbUHugeInt
        {
            Upper = BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Int64ToDecimal(long unscaled, byte scale)
    {
        var magnitude = unscaled < 0 ? (ulong)-unscaled : (ulong)unscaled;
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, unscaled < 0, scale);
    }

    /// <summary>
    /// A 128-bit unscaled value as a decimal. System.Decimal holds 96 bits and 28 digits of scale: beyond that the
    /// least significant digits are rounded away, and a value too large even without its fraction cannot be read.
    /// </summary>
    public static decimal Int128ToDecimal(Int128 unscaled, byte scale, string typeName)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
        while (scale > 28 || (magnitude >= DecimalMantissaLimit && scale > 0))
        {
            var remainder = magnitude % 10;
            magnitude /= 10;
            if (remainder >= 5)
            {
                magnitude++;
            }

            scale--;
        }

        if (magnitude >= DecimalMantissaLimit)
        {
            return ThrowHelper.ThrowOutOfRange<decimal>(typeName, typeof(decimal));
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>A decimal as DuckDB's DECIMAL(38, scale) with the same digits.</summary>
    public static DuckDbDecimalStruct DecimalToNative(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = (Int128)magnitude;
        return new DuckDbDecimalStruct
        {
            Width = 38,
            Scale = value.Scale,
            Value = new DuckDbHugeInt(value < 0 || (bits[3] & int.MinValue) != 0 ? -unscaled : unscaled),
        };
    }
}
