namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_config</c>, only needed while the database opens.</summary>
internal sealed class ConfigHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyConfig(ref pointer);
}
