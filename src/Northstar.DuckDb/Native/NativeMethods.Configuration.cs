using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_config")]
    internal static partial DuckDbState CreateConfig(out IntPtr config);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_set_config", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState SetConfig(ConfigHandle config, string name, string option);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_config")]
    internal static partial void DestroyConfig(ref IntPtr config);
}
