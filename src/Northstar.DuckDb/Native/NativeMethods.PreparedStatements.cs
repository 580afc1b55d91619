using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_prepare_error")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string? PrepareError(PreparedStatementHandle prepared);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_prepare")]
    internal static partial void DestroyPrepare(ref IntPtr prepared);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_nparams")]
    internal static partial ulong ParameterCount(PreparedStatementHandle prepared);

    /// <summary>The name of parameter <paramref name="index"/> (1-based): "name" for <c>$name</c>, "1" for <c>$1</c> or <c>?</c>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_parameter_name")]
    [return: MarshalUsing(typeof(DuckDbOwnedStringMarshaller))]
    internal static partial string? ParameterName(PreparedStatementHandle prepared, ulong index);
}
