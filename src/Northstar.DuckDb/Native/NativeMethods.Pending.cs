using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    /// <summary>Starts a query whose result is produced chunk by chunk as it is fetched (never materialised).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_pending_prepared_streaming")]
    internal static partial DuckDbState PendingPreparedStreaming(PreparedStatementHandle prepared, out IntPtr pending);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_pending_error")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? PendingError(PendingResultHandle pending);

    /// <summary>
    /// Runs the query until its result (or, streaming, its first chunk) is ready. Fills <paramref name="result"/> even on
    /// error (with the error), so it must always be destroyed.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_execute_pending")]
    internal static partial DuckDbState ExecutePending(PendingResultHandle pending, DuckDbResultStruct* result);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_pending")]
    internal static partial void DestroyPending(ref IntPtr pending);
}
