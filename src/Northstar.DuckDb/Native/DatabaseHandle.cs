namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_database</c>, closed with <c>duckdb_close</c> after its last connection.</summary>
internal sealed class DatabaseHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.Close(ref pointer);
}
