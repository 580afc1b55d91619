using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>Vector accessors: field reads inside DuckDB, called per chunk, so without the GC transition.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_vector_get_data")]
    [SuppressGCTransition]
    internal static partial void* VectorGetData(IntPtr vector);

    /// <summary>The validity bitmask (bit set = valid), or null when every row is valid.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_vector_get_validity")]
    [SuppressGCTransition]
    internal static partial ulong* VectorGetValidity(IntPtr vector);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_list_vector_get_child")]
    [SuppressGCTransition]
    internal static partial IntPtr ListVectorGetChild(IntPtr vector);

    /// <summary>Materialises the validity mask of a vector that is being written, so rows can be marked NULL.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    internal static partial void VectorEnsureValidityWritable(IntPtr vector);

    /// <summary>Copies a string (or blob) into the vector's own storage at <paramref name="index"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_vector_assign_string_element_len")]
    internal static partial void VectorAssignStringElementLength(IntPtr vector, ulong index, byte* value, ulong length);
}
