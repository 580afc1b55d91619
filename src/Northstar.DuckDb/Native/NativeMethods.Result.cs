using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_result")]
    internal static partial void DestroyResult(DuckDbResultStruct* result);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_column_count")]
    internal static partial ulong ColumnCount(DuckDbResultStruct* result);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_column_name")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? ColumnName(DuckDbResultStruct* result, ulong column);

    /// <summary>Returns a new logical type the caller destroys.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_column_logical_type")]
    internal static partial IntPtr ColumnLogicalType(DuckDbResultStruct* result, ulong column);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_result_error")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? ResultError(DuckDbResultStruct* result);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_result_error_type")]
    internal static partial DuckDbErrorType ResultErrorType(DuckDbResultStruct* result);

    /// <summary>Takes the struct by value (as the header declares), not by pointer.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_result_return_type")]
    internal static partial DuckDbResultType ResultReturnType(DuckDbResultStruct result);

    /// <summary>
    /// The next chunk of a (streaming or materialised) result, or null at the end or on error; the caller destroys it.
    /// Takes the struct by value, as the header declares.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_fetch_chunk")]
    internal static partial IntPtr FetchChunk(DuckDbResultStruct result);
}
