using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// LIST values as typed arrays. As in Npgsql, a list of a value type read without nullable elements (<c>int[]</c>,
/// also what <c>GetValue</c> returns) throws when an element is NULL; read <c>int?[]</c> to get the NULLs.
/// </summary>
internal static class ListValues
{
    public static T[] GetList<T>(in VectorView v, ulong row)
    {
        var entry = v.Get<DuckDbListEntry>(row);
        var child = v.ChildView;
        var result = new T[entry.Length];
        for (ulong i = 0; i < entry.Length; i++)
        {
            var index = entry.Offset + i;
            if (child.IsNull(index))
            {
                if (default(T) is not null)
                {
                    ThrowHelper.ThrowInvalidCast(
                        $"The {v.Type.Name} value contains NULL elements: read it as {typeof(T).Name}?[] with GetFieldValue.");
                }

                continue;
            }

            result[i] = VectorValues.Get<T>(child, index);
        }

        return result;
    }

    /// <summary>For <c>GetFieldValue&lt;T&gt;</c> where T is an array type.</summary>
    public static T GetTypedArray<T>(in VectorView v, ulong row)
    {
        var elementType = typeof(T).GetElementType()!;
        return (T)(object)(elementType switch
        {
            _ when elementType == typeof(int) => GetList<int>(v, row),
            _ when elementType == typeof(int?) => GetList<int?>(v, row),
            _ when elementType == typeof(long) => GetList<long>(v, row),
            _ when elementType == typeof(long?) => GetList<long?>(v, row),
            _ when elementType == typeof(string) => GetList<string>(v, row),
            _ when elementType == typeof(decimal) => GetList<decimal>(v, row),
            _ when elementType == typeof(decimal?) => GetList<decimal?>(v, row),
            _ when elementType == typeof(double) => GetList<double>(v, row),
            _ when elementType == typeof(double?) => GetList<double?>(v, row),
            _ when elementType == typeof(short) => GetList<short>(v, row),
            _ when elementType == typeof(short?) => GetList<short?>(v, row),
            _ when elementType == typeof(float) => GetList<float>(v, row),
            _ when elementType == typeof(float?) => GetList<float?>(v, row),
            _ when elementType == typeof(bool) => GetList<bool>(v, row),
            _ when elementType == typeof(bool?) => GetList<bool?>(v, row),
            _ when elementType == typeof(DateTime) => GetList<DateTime>(v, row),
            _ when elementType == typeof(DateTime?) => GetList<DateTime?>(v, row),
            _ when elementType == typeof(DateOnly) => GetList<DateOnly>(v, row),
            _ when elementType == typeof(DateOnly?) => GetList<DateOnly?>(v, row),
            _ when elementType == typeof(Guid) => GetList<Guid>(v, row),
            _ when elementType == typeof(Guid?) => GetList<Guid?>(v, row),
            _ when elementType == typeof(object) => GetList<object>(v, row),
            _ => GetArray(v, row),
        });
    }

    /// <summary>The list as an array of its element's CLR type (what GetValue returns).</summary>
    public static Array GetArray(in VectorView v, ulong row) => v.Type.Child!.Id switch
    {
        DuckDbType.Boolean => GetList<bool>(v, row),
        DuckDbType.TinyInt => GetList<sbyte>(v, row),
        DuckDbType.SmallInt => GetList<short>(v, row),
        DuckDbType.Integer => GetList<int>(v, row),
        DuckDbType.BigInt => GetList<long>(v, row),
        DuckDbType.UTinyInt => GetList<byte>(v, row),
        DuckDbType.USmallInt => GetList<ushort>(v, row),
        DuckDbType.UInteger => GetList<uint>(v, row),
        DuckDbType.UBigInt => GetList<ulong>(v, row),
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Decimal => GetList<decimal>(v, row),
        DuckDbType.Float => GetList<float>(v, row),
        DuckDbType.Double => GetList<double>(v, row),
        DuckDbType.Varchar or DuckDbType.Enum => GetList<string>(v, row),
        DuckDbType.Blob => GetList<byte[]>(v, row),
        DuckDbType.Date or DuckDbType.Timestamp or DuckDbType.TimestampTz
            or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetList<DateTime>(v, row),
        DuckDbType.Time => GetList<TimeSpan>(v, row),
        DuckDbType.Interval => GetList<DuckDbInterval>(v, row),
        DuckDbType.Uuid => GetList<Guid>(v, row),
        _ => ThrowHelper.ThrowUnsupportedType<Array>(v.Type.Name),
    };
}
