using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static partial class NativeMethods
{
    /// <summary>Splits a command text into statements; returns their count (0 on a parse error).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_extract_statements", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong ExtractStatements(ConnectionHandle connection, string query, out IntPtr extracted);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_prepare_extracted_statement")]
    internal static partial DuckDbState PrepareExtractedStatement(
        ConnectionHandle connection,
        ExtractedStatementsHandle extracted,
        ulong index,
        out IntPtr prepared);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_extract_statements_error")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? ExtractStatementsError(ExtractedStatementsHandle extracted);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_extracted")]
    internal static partial void DestroyExtracted(ref IntPtr extracted);
}
