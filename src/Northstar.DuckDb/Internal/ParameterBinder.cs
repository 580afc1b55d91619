using System.Data;
using System.Globalization;
using System.Numerics;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// Binds a command's parameters to one prepared statement. Each of the statement's parameters is matched by name
/// (<c>$name</c> ↔ parameter "name" or "$name"); a numbered one (<c>$1</c>, or the n-th <c>?</c>) that no parameter
/// is named after takes the parameter at that position in the collection.
/// </summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle statement, DuckDbParameterCollection parameters)
    {
        var count = NativeMethods.ParameterCount(statement);
        for (ulong index = 1; index <= count; index++)
        {
            var name = NativeMethods.ParameterName(statement, index) ?? index.ToString(CultureInfo.InvariantCulture);
            var parameter = Find(parameters, name);
            if (BindValue(statement, index, parameter) != DuckDbState.Success)
            {
                throw new DuckDbException(
                    $"Could not bind parameter ${name} to a {parameter.Value?.GetType().Name ?? "null"} value.",
                    DuckDbErrorType.MismatchType);
            }
        }
    }

    private static DuckDbParameter Find(DuckDbParameterCollection parameters, string name)
    {
        var byName = parameters.IndexOf(name);
        if (byName >= 0)
        {
            return parameters[byName];
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= parameters.Count)
        {
            return parameters[position - 1];
        }

        throw new DuckDbException(
            $"No value was given for parameter ${name}: add a parameter named '{name}'"
            + (char.IsAsciiDigit(name[0]) ? $" or at least {name} positional parameter(s)." : "."),
            DuckDbErrorType.ParameterNotResolved);
    }

    private static DuckDbState BindValue(PreparedStatementHandle s, ulong i, DuckDbParameter parameter)
    {
        var value = parameter.Value;
        if (parameter.HasExplicitDbType && value is not null and not DBNull)
        {
            switch (parameter.DbType)
            {
                case DbType.Date when value is DateTime date:
                    return NativeMethods.BindDate(s, i, Conversions.DateTimeToDays(date));
                case DbType.Time when value is TimeSpan time:
                    return NativeMethods.BindTime(s, i, Conversions.TimeSpanToMicros(time));
                case DbType.DateTime or DbType.DateTime2 when value is DateTime dateTime:
                    return NativeMethods.BindTimestamp(s, i, Conversions.DateTimeToMicros(dateTime));
                case DbType.DateTimeOffset when value is DateTime utc:
                    return NativeMethods.BindTimestampTz(s, i, Conversions.DateTimeToMicros(utc.ToUniversalTime()));
                case DbType.Guid when value is string text:
                    return BindGuid(s, i, Guid.Parse(text));
                case DbType.String or DbType.AnsiString or DbType.StringFixedLength or DbType.AnsiStringFixedLength when value is not string:
                    return BindString(s, i, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            }
        }

        return value switch
        {
            null or DBNull => NativeMethods.BindNull(s, i),
            string text => BindString(s, i, text),
            int number => NativeMethods.BindInt32(s, i, number),
            long number => NativeMethods.BindInt64(s, i, number),
            decimal number => NativeMethods.BindDecimal(s, i, Conversions.DecimalToNative(number)),
            double number => NativeMethods.BindDouble(s, i, number),
            bool flag => NativeMethods.BindBoolean(s, i, flag),
            DateTime { Kind: DateTimeKind.Utc } utc => NativeMethods.BindTimestampTz(s, i, Conversions.DateTimeToMicros(utc)),
            DateTime dateTime => NativeMethods.BindTimestamp(s, i, Conversions.DateTimeToMicros(dateTime)),
            DateTimeOffset offset => NativeMethods.BindTimestampTz(s, i, Conversions.DateTimeOffsetToMicros(offset)),
            DateOnly date => NativeMethods.BindDate(s, i, Conversions.DateOnlyToDays(date)),
            TimeOnly time => NativeMethods.BindTime(s, i, Conversions.TimeOnlyToMicros(time)),
            TimeSpan span => BindInterval(s, i, DuckDbInterval.FromTimeSpan(span)),
            DuckDbInterval interval => BindInterval(s, i, interval),
            Guid guid => BindGuid(s, i, guid),
            byte[] bytes => BindBlob(s, i, bytes),
            short number => NativeMethods.BindInt16(s, i, number),
            sbyte number => NativeMethods.BindInt8(s, i, number),
            byte number => NativeMethods.BindUInt8(s, i, number),
            ushort number => NativeMethods.BindUInt16(s, i, number),
            uint number => NativeMethods.BindUInt32(s, i, number),
            ulong number => NativeMethods.BindUInt64(s, i, number),
            float number => NativeMethods.BindFloat(s, i, number),
            Int128 number => NativeMethods.BindHugeInt(s, i, new DuckDbHugeInt(number)),
            UInt128 number => NativeMethods.BindUHugeInt(s, i, new DuckDbUHugeInt(number)),
            BigInteger number => NativeMethods.BindHugeInt(s, i, new DuckDbHugeInt((Int128)number)),
            Enum member => NativeMethods.BindInt64(s, i, Convert.ToInt64(member, CultureInfo.InvariantCulture)),
            Array array => BindList(s, i, array),
            _ => throw new NotSupportedException(
                $"Parameter '{parameter.ParameterName}' has a value of type {value.GetType().Name}, which this provider cannot bind."),
        };
    }

    private static DuckDbState BindString(PreparedStatementHandle s, ulong i, string text)
    {
        using var utf8 = new Utf8(text, stackalloc byte[256]);
        fixed (byte* bytes = utf8.Bytes)
        {
            return NativeMethods.BindVarcharLength(s, i, bytes, (ulong)utf8.Bytes.Length);
        }
    }

    private static DuckDbState BindBlob(PreparedStatementHandle s, ulong i, byte[] value)
    {
        fixed (byte* bytes = value)
        {
            // A zero-length array pins as null; DuckDB wants a valid pointer even for an empty blob.
            byte empty = 0;
            return NativeMethods.BindBlob(s, i, bytes is null ? &empty : bytes, (ulong)value.Length);
        }
    }

    private static DuckDbState BindInterval(PreparedStatementHandle s, ulong i, DuckDbInterval interval) =>
        NativeMethods.BindInterval(s, i, new DuckDbIntervalStruct { Months = interval.Months, Days = interval.Days, Micros = interval.Micros });

    private static DuckDbState BindGuid(PreparedStatementHandle s, ulong i, Guid guid)
    {
        using var value = new ValueHandle(NativeMethods.CreateUuid(Conversions.GuidToUHugeInt(guid)), null);
        return NativeMethods.BindValue(s, i, value);
    }

    private static DuckDbState BindList(PreparedStatementHandle s, ulong i, Array array)
    {
        using var value = NativeValues.CreateList(array);
        return NativeMethods.BindValue(s, i, value);
    }
}
