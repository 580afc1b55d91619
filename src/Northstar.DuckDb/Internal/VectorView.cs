using System.Runtime.CompilerServices;
using System.Text;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// The data and validity pointers of one vector of the current chunk (and of its child vector for a LIST), cached
/// once per chunk so that reading a value is a pointer offset.
/// </summary>
internal readonly unsafe struct VectorView(void* data, ulong* validity, ColumnType type, void* childData, ulong* childValidity)
{
    /// <summary>The size of <c>duckdb_string_t</c>: a length, then 12 inline bytes or a 4-byte prefix and a pointer.</summary>
    private const int StringSize = 16;
    private const int InlineStringLength = 12;

    public readonly void* Data = data;
    public readonly ulong* Validity = validity;
    public readonly ColumnType Type = type;
    public readonly void* ChildData = childData;
    public readonly ulong* ChildValidity = childValidity;

    public static VectorView Create(IntPtr vector, ColumnType type)
    {
        if (type.Id != DuckDbType.List)
        {
            return new VectorView(NativeMethods.VectorGetData(vector), NativeMethods.VectorGetValidity(vector), type, null, null);
        }

        var child = NativeMethods.ListVectorGetChild(vector);
        return new VectorView(
            NativeMethods.VectorGetData(vector),
            NativeMethods.VectorGetValidity(vector),
            type,
            NativeMethods.VectorGetData(child),
            NativeMethods.VectorGetValidity(child));
    }

    /// <summary>The elements of a LIST vector.</summary>
    public VectorView ChildView => new(ChildData, ChildValidity, Type.Child!, null, null);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(ulong row) => Validity != null && (Validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get<T>(ulong row)
        where T : unmanaged => ((T*)Data)[row];

    /// <summary>The bytes of a VARCHAR or BLOB value, in place in DuckDB's memory (valid while the chunk lives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetBytes(ulong row)
    {
        var value = (byte*)Data + (row * StringSize);
        var length = *(uint*)value;
        var bytes = length <= InlineStringLength ? value + 4 : *(byte**)(value + 8);
        return new ReadOnlySpan<byte>(bytes, (int)length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string GetString(ulong row)
    {
        var bytes = GetBytes(row);
        return bytes.Length == 0 ? "" : Encoding.UTF8.GetString(bytes);
    }
}
