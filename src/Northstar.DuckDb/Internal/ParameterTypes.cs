using System.Data;

namespace Northstar.DuckDb.Internal;

/// <summary>The DbType a parameter value implies when none was set.</summary>
internal static class ParameterTypes
{
    public static DbType InferDbType(object? value) => value switch
    {
        null or DBNull => DbType.Object,
        bool => DbType.Boolean,
        sbyte => DbType.SByte,
        short => DbType.Int16,
        int => DbType.Int32,
        long => DbType.Int64,
        byte => DbType.Byte,
        ushort => DbType.UInt16,
        uint => DbType.UInt32,
        ulong => DbType.UInt64,
        float => DbType.Single,
        double => DbType.Double,
        decimal => DbType.Decimal,
        string => DbType.String,
        byte[] => DbType.Binary,
        Guid => DbType.Guid,
        DateOnly => DbType.Date,
        TimeOnly => DbType.Time,
        DateTime => DbType.DateTime2,
        DateTimeOffset => DbType.DateTimeOffset,
        _ => DbType.Object,
    };
}
