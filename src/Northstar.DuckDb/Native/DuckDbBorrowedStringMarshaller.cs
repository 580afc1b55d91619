using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

/// <summary>
/// Reads a UTF-8 string that DuckDB still owns (column names, error messages): it is copied and never freed here,
/// because DuckDB frees it with the object it belongs to.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(DuckDbBorrowedStringMarshaller))]
internal static unsafe class DuckDbBorrowedStringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);
}
