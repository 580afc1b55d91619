using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary><c>duckdb_state</c>.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary><c>duckdb_result_type</c>.</summary>
internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

/// <summary><c>duckdb_type</c>: the logical type ids of the C API.</summary>
internal enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
    StringLiteral = 37,
    IntegerLiteral = 38,
    TimeNs = 39,
}

/// <summary>
/// <c>duckdb_result</c>: six pointer-sized fields, all but the last deprecated. It is passed by value to a few
/// functions and by pointer to the others, so it lives in native memory owned by <see cref="ResultHandle"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public IntPtr DeprecatedColumns;
    public IntPtr DeprecatedErrorMessage;
    public IntPtr InternalData;
}

/// <summary><c>duckdb_hugeint</c>: a 128-bit two's complement integer as two halves.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)value;
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

/// <summary><c>duckdb_uhugeint</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbUHugeInt
{
    public ulong Lower;
    public ulong Upper;

    public DuckDbUHugeInt(UInt128 value)
    {
        Lower = (ulong)value;
        Upper = (ulong)(value >> 64);
    }

    public readonly UInt128 ToUInt128() => new(Upper, Lower);
}

/// <summary><c>duckdb_decimal</c>: width and scale, then the unscaled value (the hugeint is 8-byte aligned).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

/// <summary><c>duckdb_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbIntervalStruct
{
    public int Months;
    public int Days;
    public long Micros;
}

/// <summary><c>duckdb_list_entry</c>: where a row's elements sit in the list's child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}
