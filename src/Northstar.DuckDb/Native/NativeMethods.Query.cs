using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    /// <summary>Runs SQL to a materialised result; used only for provider-issued settings, never for user commands.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_query", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState Query(ConnectionHandle connection, string query, DuckDbResultStruct* result);
}
