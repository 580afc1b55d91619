using System.Runtime.CompilerServices;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// The appender's bulk path: rows are written straight into the vectors of a data chunk, which goes to DuckDB with
/// <c>duckdb_append_data_chunk</c> when full. The per-value C calls (<c>duckdb_append_int32</c>...) build a DuckDB
/// value object per call, which costs microseconds for strings and decimals; this costs a store. It handles the
/// column types below; a table with any other column type is appended value by value instead.
/// A value is converted to the column's type here (widening integers, rescaling decimals, dates to timestamps...);
/// a value that does not fit or has no conversion throws <see cref="DuckDbException"/>.
/// </summary>
internal sealed unsafe class ChunkWriter : IDisposable
{
    private static readonly Int128[] PowersOfTen = CreatePowersOfTen();

    private readonly IntPtr _appender;
    private readonly string _table;
    private readonly DataChunkHandle _chunk;
    private readonly ColumnType[] _types;
    private readonly IntPtr[] _vectors;
    private readonly IntPtr[] _data;
    private readonly IntPtr[] _validity;
    private readonly ulong _capacity;
    private ulong _row;
    private int _column;

    private ChunkWriter(IntPtr appender, string table, DataChunkHandle chunk, ColumnType[] types)
    {
        _appender = appender;
        _table = table;
        _chunk = chunk;
        _types = types;
        _vectors = new IntPtr[types.Length];
        _data = new IntPtr[types.Length];
        _validity = new IntPtr[types.Length];
        _capacity = NativeMethods.VectorSize();
        ReadVectors();
    }

    /// <summary>A writer for the appender's table, or null when a column has a type only the per-value path handles.</summary>
    public static ChunkWriter? TryCreate(IntPtr appender, string table)
    {
        var count = (int)NativeMethods.AppenderColumnCount(appender);
        var types = new ColumnType[count];
        var logicalTypes = new LogicalTypeHandle[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                logicalTypes[i] = new LogicalTypeHandle(NativeMethods.AppenderColumnType(appender, (ulong)i), null);
                types[i] = ColumnType.From(logicalTypes[i]);
                if (!IsSupported(types[i]))
                {
                    return null;
                }
            }

            var pointers = stackalloc IntPtr[Math.Max(count, 1)];
            for (var i = 0; i < count; i++)
            {
                pointers[i] = logicalTypes[i].DangerousGetHandle();
            }

            var chunk = new DataChunkHandle(NativeMethods.CreateDataChunk(pointers, (ulong)count), null);
            return new ChunkWriter(appender, table, chunk, types);
        }
        finally
        {
            foreach (var type in logicalTypes)
            {
                type?.Dispose();
            }
        }
    }

    public void WriteNull()
    {
        var column = NextColumn();
        if (_validity[column] == IntPtr.Zero)
        {
            NativeMethods.VectorEnsureValidityWritable(_vectors[column]);
            _validity[column] = (IntPtr)NativeMethods.VectorGetValidity(_vectors[column]);
        }

        ((ulong*)_validity[column])[_row >> 6] &= ~(1UL << (int)(_row & 63));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt64(long value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.BigInt:
                Slot<long>(column) = value;
                return;
            case DuckDbType.Integer when value is >= int.MinValue and <= int.MaxValue:
                Slot<int>(column) = (int)value;
                return;
            default:
                WriteInteger(column, value);
                return;
        }
    }

    public void WriteInt128(Int128 value) => WriteInteger(NextColumn(), value);

    public void WriteUInt128(UInt128 value)
    {
        var column = NextColumn();
        if (_types[column].Id == DuckDbType.UHugeInt)
        {
            Slot<DuckDbUHugeInt>(column) = new DuckDbUHugeInt(value);
            return;
        }

        WriteInteger(column, value <= (UInt128)Int128.MaxValue ? (Int128)value : throw Mismatch(column, "UInt128 value out of range"));
    }

    public void WriteBoolean(bool value)
    {
        var column = NextColumn();
        Slot<byte>(column) = _types[column].Id == DuckDbType.Boolean ? (byte)(value ? 1 : 0) : throw Mismatch(column, "Boolean");
    }

    public void WriteDouble(double value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Double:
                Slot<double>(column) = value;
                return;
            case DuckDbType.Float:
                Slot<float>(column) = (float)value;
                return;
            case DuckDbType.Decimal when double.IsFinite(value) && Math.Abs(value) < (double)decimal.MaxValue:
                WriteDecimal(column, (decimal)value);
                return;
            default:
                throw Mismatch(column, "Double");
        }
    }

    public void WriteDecimal(decimal value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Decimal:
                WriteDecimal(column, value);
                return;
            case DuckDbType.Double:
                Slot<double>(column) = (double)value;
                return;
            case DuckDbType.Float:
                Slot<float>(column) = (float)value;
                return;
            default:
                if (decimal.Truncate(value) != value)
                {
                    throw Mismatch(column, "fractional Decimal");
                }

                WriteInteger(column, (Int128)value);
                return;
        }
    }

    public void WriteString(string value)
    {
        var column = NextColumn();
        if (_types[column].Id is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            throw Mismatch(column, "String");
        }

        using var utf8 = new Utf8(value, stackalloc byte[256]);
        fixed (byte* bytes = utf8.Bytes)
        {
            NativeMethods.VectorAssignStringElementLength(_vectors[column], _row, bytes, (ulong)utf8.Bytes.Length);
        }
    }

    public void WriteBlob(byte[] value)
    {
        var column = NextColumn();
        if (_types[column].Id != DuckDbType.Blob)
        {
            throw Mismatch(column, "byte[]");
        }

        fixed (byte* bytes = value)
        {
            byte empty = 0;
            NativeMethods.VectorAssignStringElementLength(_vectors[column], _row, bytes is null ? &empty : bytes, (ulong)value.Length);
        }
    }

    public void WriteDate(DateOnly value)
    {
        var column = NextColumn();
        var days = Conversions.DateOnlyToDays(value);
        switch (_types[column].Id)
        {
            case DuckDbType.Date:
                Slot<int>(column) = days;
                return;
            case DuckDbType.Timestamp or DuckDbType.TimestampTz:
                Slot<long>(column) = days * (TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond);
                return;
            default:
                throw Mismatch(column, "DateOnly");
        }
    }

    /// <summary>A TIMESTAMPTZ column takes the instant: Utc as is, Local converted, Unspecified read as UTC.</summary>
    public void WriteDateTime(DateTime value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Timestamp:
                Slot<long>(column) = Conversions.DateTimeToMicros(value);
                return;
            case DuckDbType.TimestampTz:
                Slot<long>(column) = Conversions.DateTimeToMicros(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
                return;
            case DuckDbType.Date:
                Slot<int>(column) = Conversions.DateTimeToDays(value);
                return;
            default:
                throw Mismatch(column, "DateTime");
        }
    }

    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        var column = NextColumn();
        Slot<long>(column) = _types[column].Id is DuckDbType.TimestampTz or DuckDbType.Timestamp
            ? Conversions.DateTimeOffsetToMicros(value)
            : throw Mismatch(column, "DateTimeOffset");
    }

    public void WriteTime(TimeOnly value)
    {
        var column = NextColumn();
        Slot<long>(column) = _types[column].Id == DuckDbType.Time ? Conversions.TimeOnlyToMicros(value) : throw Mismatch(column, "TimeOnly");
    }

    public void WriteInterval(DuckDbInterval value)
    {
        var column = NextColumn();
        Slot<DuckDbIntervalStruct>(column) = _types[column].Id == DuckDbType.Interval
            ? new DuckDbIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros }
            : throw Mismatch(column, "interval");
    }

    public void WriteGuid(Guid value)
    {
        var column = NextColumn();
        if (_types[column].Id != DuckDbType.Uuid)
        {
            throw Mismatch(column, "Guid");
        }

        var natural = Conversions.GuidToUHugeInt(value);
        Slot<DuckDbHugeInt>(column) = new DuckDbHugeInt { Lower = natural.Lower, Upper = (long)(natural.Upper ^ 0x8000_0000_0000_0000) };
    }

    public void EndRow()
    {
        if (_column != _types.Length)
        {
            throw new DuckDbException(
                $"The row for '{_table}' has {_column} value(s) but the table has {_types.Length} column(s): append a value to every column before EndRow.",
                DuckDbErrorType.InvalidInput);
        }

        _column = 0;
        if (++_row == _capacity)
        {
            SendChunk();
        }
    }

    /// <summary>Hands the rows written so far to the appender.</summary>
    public void SendChunk()
    {
        if (_column != 0)
        {
            throw new DuckDbException($"The last row for '{_table}' is incomplete: finish it with EndRow before flushing.", DuckDbErrorType.InvalidInput);
        }

        if (_row == 0)
        {
            return;
        }

        var chunk = _chunk.DangerousGetHandle();
        NativeMethods.DataChunkSetSize(chunk, _row);
        var state = NativeMethods.AppendDataChunk(_appender, chunk);
        NativeMethods.DataChunkReset(chunk);
        _row = 0;
        ReadVectors();
        if (state != DuckDbState.Success)
        {
            throw AppenderErrors.Read(_appender, _table);
        }
    }

    public void Dispose() => _chunk.Dispose();

    private static bool IsSupported(ColumnType type) => type.Id switch
    {
        DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger or DuckDbType.UBigInt
            or DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Float or DuckDbType.Double or DuckDbType.Decimal
            or DuckDbType.Varchar or DuckDbType.Blob or DuckDbType.Date or DuckDbType.Time or DuckDbType.Timestamp
            or DuckDbType.TimestampTz or DuckDbType.Interval or DuckDbType.Uuid => true,
        _ => false,
    };

    private static Int128[] CreatePowersOfTen()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private void ReadVectors()
    {
        var chunk = _chunk.DangerousGetHandle();
        for (var i = 0; i < _types.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunkGetVector(chunk, (ulong)i);
            _data[i] = (IntPtr)NativeMethods.VectorGetData(_vectors[i]);
            _validity[i] = IntPtr.Zero;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextColumn()
    {
        var column = _column;
        if (column >= _types.Length)
        {
            ThrowTooMany();
        }

        _column = column + 1;
        if (_validity[column] != IntPtr.Zero)
        {
            ((ulong*)_validity[column])[_row >> 6] |= 1UL << (int)(_row & 63);
        }

        return column;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref T Slot<T>(int column)
        where T : unmanaged => ref ((T*)_data[column])[_row];

    private void WriteInteger(int column, Int128 value)
    {
        var type = _types[column];
        switch (type.Id)
        {
            case DuckDbType.TinyInt: Slot<sbyte>(column) = Narrow<sbyte>(column, value); break;
            case DuckDbType.SmallInt: Slot<short>(column) = Narrow<short>(column, value); break;
            case DuckDbType.Integer: Slot<int>(column) = Narrow<int>(column, value); break;
            case DuckDbType.BigInt: Slot<long>(column) = Narrow<long>(column, value); break;
            case DuckDbType.UTinyInt: Slot<byte>(column) = Narrow<byte>(column, value); break;
            case DuckDbType.USmallInt: Slot<ushort>(column) = Narrow<ushort>(column, value); break;
            case DuckDbType.UInteger: Slot<uint>(column) = Narrow<uint>(column, value); break;
            case DuckDbType.UBigInt: Slot<ulong>(column) = Narrow<ulong>(column, value); break;
            case DuckDbType.HugeInt: Slot<DuckDbHugeInt>(column) = new DuckDbHugeInt(value); break;
            case DuckDbType.UHugeInt: Slot<DuckDbUHugeInt>(column) = new DuckDbUHugeInt(Narrow<UInt128>(column, value)); break;
            case DuckDbType.Double: Slot<double>(column) = (double)value; break;
            case DuckDbType.Float: Slot<float>(column) = (float)value; break;
            case DuckDbType.Decimal: WriteUnscaled(column, value, 0); break;
            default: throw Mismatch(column, "integer");
        }
    }

    private void WriteDecimal(int column, decimal value)
    {
        var scale = _types[column].Scale;
        if (value.Scale > scale)
        {
            value = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        WriteUnscaled(column, bits[3] < 0 ? -magnitude : magnitude, value.Scale);
    }

    /// <summary>Writes <paramref name="unscaled"/> × 10^-<paramref name="scale"/> at the column's own scale and width.</summary>
    private void WriteUnscaled(int column, Int128 unscaled, int scale)
    {
        var type = _types[column];
        Int128 value;
        try
        {
            value = checked(unscaled * PowersOfTen[type.Scale - scale]);
        }
        catch (OverflowException)
        {
            throw Mismatch(column, "value out of range");
        }

        if (Int128.Abs(value) >= PowersOfTen[type.Width])
        {
            throw Mismatch(column, "value out of range");
        }

        switch (type.Physical)
        {
            case DuckDbType.SmallInt: Slot<short>(column) = (short)value; break;
            case DuckDbType.Integer: Slot<int>(column) = (int)value; break;
            case DuckDbType.BigInt: Slot<long>(column) = (long)value; break;
            default: Slot<DuckDbHugeInt>(column) = new DuckDbHugeInt(value); break;
        }
    }

    private T Narrow<T>(int column, Int128 value)
        where T : System.Numerics.IBinaryInteger<T>
    {
        try
        {
            return T.CreateChecked(value);
        }
        catch (OverflowException)
        {
            throw Mismatch(column, "value out of range");
        }
    }

    private DuckDbException Mismatch(int column, string what) =>
        new($"Cannot append {what} to column {column + 1} of '{_table}', of type {_types[column].Name}.", DuckDbErrorType.Conversion);

    private void ThrowTooMany() =>
        throw new DuckDbException(
            $"Too many values for a row of '{_table}', which has {_types.Length} column(s): call EndRow after the last column.",
            DuckDbErrorType.InvalidInput);
}
