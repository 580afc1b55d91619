using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Northstar.DuckDb.Native;

internal static partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "duckdb_create_logical_type")]
    internal static partial IntPtr CreateLogicalType(DuckDbType type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyLogicalType(ref IntPtr type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_get_type_id")]
    internal static partial DuckDbType GetTypeId(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_decimal_width")]
    internal static partial byte DecimalWidth(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial DuckDbType DecimalInternalType(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_enum_internal_type")]
    internal static partial DuckDbType EnumInternalType(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_enum_dictionary_size")]
    internal static partial uint EnumDictionarySize(LogicalTypeHandle type);

    [LibraryImport(LibraryName, EntryPoint = "duckdb_enum_dictionary_value")]
    [return: MarshalUsing(typeof(DuckDbOwnedStringMarshaller))]
    internal static partial string? EnumDictionaryValue(LogicalTypeHandle type, ulong index);

    /// <summary>Returns a new logical type the caller destroys.</summary>
    [LibraryImport(LibraryName, EntryPoint = "duckdb_list_type_child_type")]
    internal static partial IntPtr ListTypeChildType(LogicalTypeHandle type);
}
