namespace Northstar.DuckDb.Native;

/// <summary>A <c>duckdb_extracted_statements</c>: the statements split out of one command text.</summary>
internal sealed class ExtractedStatementsHandle(IntPtr pointer, System.Runtime.InteropServices.SafeHandle? parent) : DuckDbSafeHandle(pointer, parent)
{
    protected override void Destroy(IntPtr pointer) => NativeMethods.DestroyExtracted(ref pointer);
}
