using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>
/// A <c>duckdb_result</c>. The C API fills a caller-allocated struct, so the struct itself lives in native memory
/// (zeroed, which <c>duckdb_destroy_result</c> accepts) and is freed after the result it describes.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbSafeHandle
{
    private ResultHandle(IntPtr pointer, SafeHandle parent)
        : base(pointer, parent)
    {
    }

    /// <summary>The struct, valid while the handle is alive.</summary>
    public DuckDbResultStruct* Pointer => (DuckDbResultStruct*)handle;

    /// <summary>Allocates an empty result struct for an execute call to fill.</summary>
    public static ResultHandle Allocate(SafeHandle parent) =>
        new((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct)), parent);

    protected override void Destroy(IntPtr pointer)
    {
        NativeMethods.DestroyResult((DuckDbResultStruct*)pointer);
        NativeMemory.Free((void*)pointer);
    }
}
