using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>Standalone values, for types that have no direct bind or append function (UUID, lists).</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_value")]
    internal static partial void DestroyValue(ref IntPtr value);

    /// <summary>Takes the UUID as its natural 128-bit number; DuckDB flips the top bit for storage itself.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_uuid")]
    internal static partial IntPtr CreateUuid(DuckDbUHugeInt value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_time")]
    internal static partial IntPtr CreateTime(long micros);

    /// <summary>Builds a LIST value from element values (copied: the elements are still destroyed by the caller).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_list_value")]
    internal static partial IntPtr CreateListValue(LogicalTypeHandle childType, IntPtr* values, ulong count);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_null_value")]
    internal static partial IntPtr CreateNullValue();

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_bool")]
    internal static partial IntPtr CreateBool([MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_int8")]
    internal static partial IntPtr CreateInt8(sbyte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_int16")]
    internal static partial IntPtr CreateInt16(short value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_int32")]
    internal static partial IntPtr CreateInt32(int value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_int64")]
    internal static partial IntPtr CreateInt64(long value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_uint8")]
    internal static partial IntPtr CreateUInt8(byte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_uint16")]
    internal static partial IntPtr CreateUInt16(ushort value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_uint32")]
    internal static partial IntPtr CreateUInt32(uint value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_uint64")]
    internal static partial IntPtr CreateUInt64(ulong value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_float")]
    internal static partial IntPtr CreateFloat(float value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_double")]
    internal static partial IntPtr CreateDouble(double value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_date")]
    internal static partial IntPtr CreateDate(int days);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_timestamp")]
    internal static partial IntPtr CreateTimestamp(long micros);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_timestamp_tz")]
    internal static partial IntPtr CreateTimestampTz(long micros);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_varchar_length")]
    internal static partial IntPtr CreateVarcharLength(byte* text, ulong length);
}
