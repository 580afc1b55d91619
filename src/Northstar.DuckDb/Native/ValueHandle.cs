namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_value</c>.</summary>
internal sealed class ValueHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyValue(ref pointer);
}
