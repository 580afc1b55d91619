using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

/// <summary>
/// The appender. Append calls take the raw pointer, not the SafeHandle: they run per value in a loop of millions and
/// the owning <see cref="DuckDbAppender"/> keeps the handle alive and checks it before each row.
/// </summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_create_ext", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState AppenderCreateExt(ConnectionHandle connection, string? catalog, string? schema, string table, out IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_column_count")]
    internal static partial ulong AppenderColumnCount(IntPtr appender);

    /// <summary>Returns a new logical type the caller destroys.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_column_type")]
    internal static partial IntPtr AppenderColumnType(IntPtr appender, ulong column);

    /// <summary>Appends a whole chunk of rows (the bulk path: values are written straight into the chunk's vectors).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_data_chunk")]
    internal static partial DuckDbState AppendDataChunk(IntPtr appender, IntPtr chunk);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_flush")]
    internal static partial DuckDbState AppenderFlush(IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_close")]
    internal static partial DuckDbState AppenderClose(IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_destroy")]
    internal static partial DuckDbState AppenderDestroy(ref IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_end_row")]
    internal static partial DuckDbState AppenderEndRow(IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_null")]
    internal static partial DuckDbState AppendNull(IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_value")]
    internal static partial DuckDbState AppendValue(IntPtr appender, IntPtr value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_bool")]
    internal static partial DuckDbState AppendBool(IntPtr appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_int8")]
    internal static partial DuckDbState AppendInt8(IntPtr appender, sbyte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_int16")]
    internal static partial DuckDbState AppendInt16(IntPtr appender, short value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_int32")]
    internal static partial DuckDbState AppendInt32(IntPtr appender, int value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_int64")]
    internal static partial DuckDbState AppendInt64(IntPtr appender, long value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_hugeint")]
    internal static partial DuckDbState AppendHugeInt(IntPtr appender, DuckDbHugeInt value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_uhugeint")]
    internal static partial DuckDbState AppendUHugeInt(IntPtr appender, DuckDbUHugeInt value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_uint8")]
    internal static partial DuckDbState AppendUInt8(IntPtr appender, byte value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_uint16")]
    internal static partial DuckDbState AppendUInt16(IntPtr appender, ushort value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_uint32")]
    internal static partial DuckDbState AppendUInt32(IntPtr appender, uint value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_uint64")]
    internal static partial DuckDbState AppendUInt64(IntPtr appender, ulong value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_float")]
    internal static partial DuckDbState AppendFloat(IntPtr appender, float value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_double")]
    internal static partial DuckDbState AppendDouble(IntPtr appender, double value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_date")]
    internal static partial DuckDbState AppendDate(IntPtr appender, int days);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_time")]
    internal static partial DuckDbState AppendTime(IntPtr appender, long micros);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_timestamp")]
    internal static partial DuckDbState AppendTimestamp(IntPtr appender, long micros);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_interval")]
    internal static partial DuckDbState AppendInterval(IntPtr appender, DuckDbIntervalStruct value);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_varchar_length")]
    internal static partial DuckDbState AppendVarcharLength(IntPtr appender, byte* value, ulong length);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_append_blob")]
    internal static partial DuckDbState AppendBlob(IntPtr appender, byte* data, ulong length);
}
