namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_logical_type</c>.</summary>
internal sealed class LogicalTypeHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyLogicalType(ref pointer);
}
