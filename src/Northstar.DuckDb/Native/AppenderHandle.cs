namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_appender</c>; keeps its connection alive.</summary>
internal sealed class AppenderHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.AppenderDestroy(ref pointer);
}
