using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

/// <summary>
/// Reads a UTF-8 string that DuckDB allocated for the caller (parameter names, enum values, open errors): it is
/// copied, then released with <c>duckdb_free</c>, DuckDB's allocator (not the CRT's or COM's).
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(DuckDbOwnedStringMarshaller))]
internal static unsafe class DuckDbOwnedStringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);

    public static void Free(byte* unmanaged)
    {
        if (unmanaged is not null)
        {
            NativeMethods.Free(unmanaged);
        }
    }
}
