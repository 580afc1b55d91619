using System.Runtime.InteropServices;

namespace Northstar.DuckDb.Native;

/// <summary>
/// A DuckDB C object that must be destroyed exactly once. A child (a connection of a database, a result of a
/// statement...) holds a reference on its parent, so whatever order the managed owners are disposed or finalized
/// in, a parent is destroyed only after every child: releasing never touches freed native memory.
/// </summary>
internal abstract class DuckDbSafeHandle : SafeHandle
{
    private readonly SafeHandle? _parent;

    protected DuckDbSafeHandle(IntPtr pointer, SafeHandle? parent)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        if (pointer != IntPtr.Zero && parent is not null)
        {
            var added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }

        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        _parent?.DangerousRelease();
        return true;
    }

    /// <summary>Calls the C destructor of the object.</summary>
    protected abstract void Destroy(IntPtr pointer);
}
