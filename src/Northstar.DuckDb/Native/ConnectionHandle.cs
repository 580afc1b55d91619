namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_connection</c>; keeps its database open.</summary>
internal sealed class ConnectionHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.Disconnect(ref pointer);
}
