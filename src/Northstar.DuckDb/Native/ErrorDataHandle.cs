namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_error_data</c>.</summary>
internal sealed class ErrorDataHandle(IntPtr pointer) : DuckDbSafeHandle(pointer, null)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyErrorData(ref pointer);
}
