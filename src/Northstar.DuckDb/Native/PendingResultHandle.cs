namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_pending_result</c>; keeps its prepared statement alive.</summary>
internal sealed class PendingResultHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyPending(ref pointer);
}
