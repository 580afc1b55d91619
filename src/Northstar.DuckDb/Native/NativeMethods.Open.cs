using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_open_ext", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState OpenExt(
        string? path,
        out IntPtr database,
        ConfigHandle config,
        [MarshalUsing(typeof(DuckDbOwnedStringMarshaller))] out string? error);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_close")]
    internal static partial void Close(ref IntPtr database);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_connect")]
    internal static partial DuckDbState Connect(DatabaseHandle database, out IntPtr connection);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_disconnect")]
    internal static partial void Disconnect(ref IntPtr connection);

    /// <summary>Safe from any thread while another runs a query on the connection: that is its purpose.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_interrupt")]
    internal static partial void Interrupt(ConnectionHandle connection);
}
