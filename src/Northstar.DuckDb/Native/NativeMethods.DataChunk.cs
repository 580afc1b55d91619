using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>
/// Chunk accessors are plain field reads inside DuckDB, so they skip the GC transition
/// (<see cref="SuppressGCTransitionAttribute"/>): they run once per column per chunk in the read loop.
/// </summary>
internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_data_chunk_get_size")]
    [SuppressGCTransition]
    internal static partial ulong DataChunkGetSize(IntPtr chunk);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_data_chunk_get_vector")]
    [SuppressGCTransition]
    internal static partial IntPtr DataChunkGetVector(IntPtr chunk, ulong column);

    /// <summary>A new, empty chunk with one vector per type (the types are copied).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_data_chunk")]
    internal static unsafe partial IntPtr CreateDataChunk(IntPtr* types, ulong columnCount);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_data_chunk_set_size")]
    [SuppressGCTransition]
    internal static partial void DataChunkSetSize(IntPtr chunk, ulong size);

    /// <summary>Empties the chunk for reuse; its vectors' data and validity pointers must be read again afterwards.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_data_chunk_reset")]
    internal static partial void DataChunkReset(IntPtr chunk);

    /// <summary>The number of rows a chunk holds (DuckDB's STANDARD_VECTOR_SIZE, 2048).</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_vector_size")]
    internal static partial ulong VectorSize();

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_data_chunk")]
    internal static partial void DestroyDataChunk(ref IntPtr chunk);
}
