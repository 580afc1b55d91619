namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_data_chunk</c> fetched from a result; keeps the result alive.</summary>
internal sealed class DataChunkHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyDataChunk(ref pointer);
}
