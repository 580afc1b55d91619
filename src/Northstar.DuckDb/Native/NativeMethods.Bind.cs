using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>Binding values to parameters of a prepared statement; parameter indexes are 1-based.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_value")]
    internal static partial DuckDbState BindValue(PreparedStatementHandle prepared, ulong index, ValueHandle value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_null")]
    internal static partial DuckDbState BindNull(PreparedStatementHandle prepared, ulong index);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_boolean")]
    internal static partial DuckDbState BindBoolean(PreparedStatementHandle prepared, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_int8")]
    internal static partial DuckDbState BindInt8(PreparedStatementHandle prepared, ulong index, sbyte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_int16")]
    internal static partial DuckDbState BindInt16(PreparedStatementHandle prepared, ulong index, short value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_int32")]
    internal static partial DuckDbState BindInt32(PreparedStatementHandle prepared, ulong index, int value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_int64")]
    internal static partial DuckDbState BindInt64(PreparedStatementHandle prepared, ulong index, long value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_hugeint")]
    internal static partial DuckDbState BindHugeInt(PreparedStatementHandle prepared, ulong index, DuckDbHugeInt value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_uhugeint")]
    internal static partial DuckDbState BindUHugeInt(PreparedStatementHandle prepared, ulong index, DuckDbUHugeInt value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_decimal")]
    internal static partial DuckDbState BindDecimal(PreparedStatementHandle prepared, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_uint8")]
    internal static partial DuckDbState BindUInt8(PreparedStatementHandle prepared, ulong index, byte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_uint16")]
    internal static partial DuckDbState BindUInt16(PreparedStatementHandle prepared, ulong index, ushort value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_uint32")]
    internal static partial DuckDbState BindUInt32(PreparedStatementHandle prepared, ulong index, uint value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_uint64")]
    internal static partial DuckDbState BindUInt64(PreparedStatementHandle prepared, ulong index, ulong value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_float")]
    internal static partial DuckDbState BindFloat(PreparedStatementHandle prepared, ulong index, float value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_double")]
    internal static partial DuckDbState BindDouble(PreparedStatementHandle prepared, ulong index, double value);

    /// <summary>Days since 1970-01-01.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_date")]
    internal static partial DuckDbState BindDate(PreparedStatementHandle prepared, ulong index, int days);

    /// <summary>Microseconds since midnight.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_time")]
    internal static partial DuckDbState BindTime(PreparedStatementHandle prepared, ulong index, long micros);

    /// <summary>Microseconds since 1970-01-01 00:00:00.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_timestamp")]
    internal static partial DuckDbState BindTimestamp(PreparedStatementHandle prepared, ulong index, long micros);

    /// <summary>Microseconds since 1970-01-01 00:00:00 UTC.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_timestamp_tz")]
    internal static partial DuckDbState BindTimestampTz(PreparedStatementHandle prepared, ulong index, long micros);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_interval")]
    internal static partial DuckDbState BindInterval(PreparedStatementHandle prepared, ulong index, DuckDbIntervalStruct value);

    /// <summary>Takes a length, so strings need no terminator and may hold NUL characters.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_varchar_length")]
    internal static partial DuckDbState BindVarcharLength(PreparedStatementHandle prepared, ulong index, byte* value, ulong length);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_bind_blob")]
    internal static partial DuckDbState BindBlob(PreparedStatementHandle prepared, ulong index, byte* data, ulong length);
}
