using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

/// <summary>Error objects: a message with its error type, for calls whose plain error text has no type (the appender).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_appender_error_data")]
    internal static partial IntPtr AppenderErrorData(IntPtr appender);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_error_data_has_error")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ErrorDataHasError(ErrorDataHandle error);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_error_data_error_type")]
    internal static partial DuckDbErrorType ErrorDataErrorType(ErrorDataHandle error);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_error_data_message")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? ErrorDataMessage(ErrorDataHandle error);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_error_data")]
    internal static partial void DestroyErrorData(ref IntPtr error);
}
