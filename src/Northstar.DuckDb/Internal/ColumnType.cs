using System.Globalization;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>What the reader needs to know about a column's logical type, read once per result.</summary>
internal sealed class ColumnType
{
    private ColumnType(DuckDbType id, DuckDbType physical, byte width, byte scale, string[]? enumValues, ColumnType? child)
    {
        Id = id;
        Physical = physical;
        Width = width;
        Scale = scale;
        EnumValues = enumValues;
        Child = child;
        ClrType = ClrTypeOf(this);
        Name = NameOf(this);
    }

    public DuckDbType Id { get; }

    /// <summary>The storage type: the integer width of a DECIMAL or ENUM, else <see cref="Id"/>.</summary>
    public DuckDbType Physical { get; }

    public byte Width { get; }

    public byte Scale { get; }

    /// <summary>The dictionary of an ENUM, indexed by the stored integer.</summary>
    public string[]? EnumValues { get; }

    /// <summary>The element type of a LIST.</summary>
    public ColumnType? Child { get; }

    /// <summary>The type <see cref="DuckDbDataReader.GetValue"/> returns (and <c>GetFieldType</c> reports).</summary>
    public Type ClrType { get; }

    /// <summary>The SQL name, e.g. <c>DECIMAL(18,2)</c> or <c>INTEGER[]</c>.</summary>
    public string Name { get; }

    public static ColumnType From(LogicalTypeHandle type)
    {
        var id = NativeMethods.GetTypeId(type);
        switch (id)
        {
            case DuckDbType.Decimal:
                return new ColumnType(
                    id, NativeMethods.DecimalInternalType(type), NativeMethods.DecimalWidth(type), NativeMethods.DecimalScale(type), null, null);
            case DuckDbType.Enum:
                var values = new string[NativeMethods.EnumDictionarySize(type)];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = NativeMethods.EnumDictionaryValue(type, (ulong)i) ?? "";
                }

                return new ColumnType(id, NativeMethods.EnumInternalType(type), 0, 0, values, null);
            case DuckDbType.List:
                using (var child = new LogicalTypeHandle(NativeMethods.ListTypeChildType(type), null))
                {
                    return new ColumnType(id, id, 0, 0, null, From(child));
                }

            default:
                return new ColumnType(id, id, 0, 0, null, null);
        }
    }

    private static Type ClrTypeOf(ColumnType type) => type.Id switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Varchar or DuckDbType.Enum => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date or DuckDbType.Timestamp or DuckDbType.TimestampTz
            or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => typeof(DateTime),
        DuckDbType.Time => typeof(TimeSpan),
        DuckDbType.Interval => typeof(DuckDbInterval),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.List when type.Child is not null => type.Child.ClrType.MakeArrayType(),
        _ => typeof(object),
    };

    private static string NameOf(ColumnType type) => type.Id switch
    {
        DuckDbType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Width},{type.Scale})"),
        DuckDbType.List => type.Child?.Name + "[]",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.SqlNull => "NULL",
        _ => type.Id.ToString().ToUpperInvariant(),
    };
}
