namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_prepared_statement</c>; keeps its connection alive.</summary>
internal sealed class PreparedStatementHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyPrepare(ref pointer);
}
