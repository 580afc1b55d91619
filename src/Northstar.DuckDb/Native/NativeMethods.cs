using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

/// <summary>
/// The DuckDB C API (duckdb.h of DuckDB 1.5), one partial file per section of the header. Handles that must be
/// destroyed travel as <see cref="SafeHandle"/>s where a call may race a release; pointers read in the hot read loop
/// (chunks, vectors) travel as raw pointers. All functions use the platform's C calling convention, which is the only
/// one on x64 and arm64, so no <c>UnmanagedCallConv</c> attribute is needed.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>Resolved by the runtime to libduckdb.so / libduckdb.dylib / duckdb.dll next to the assemblies.</summary>
    internal const string LibraryName = "duckdb";

    /// <summary>Frees memory that DuckDB allocated and handed over (owned strings, open errors).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_free")]
    internal static partial void Free(void* pointer);

    /// <summary>The DuckDB version string; static memory, never freed.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_library_version")]
    [return: MarshalUsing(typeof(DuckDbBorrowedStringMarshaller))]
    internal static partial string LibraryVersion();
}
