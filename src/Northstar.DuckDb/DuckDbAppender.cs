using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Northstar.DuckDb.Internal;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb;

/// <summary>
/// Bulk-loads rows into a table through DuckDB's appender (<c>duckdb_appender_*</c>), much faster than INSERT
/// statements. Append one value per column, in table order, then <see cref="EndRow"/>; rows become visible when the
/// appender flushes (every so often, on <see cref="Flush"/>, and on <see cref="Close"/> / <see cref="Dispose"/>).
/// Errors (wrong column count or type, constraint violations on flush) throw <see cref="DuckDbException"/>.
/// Not thread-safe; closing its connection closes it.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly AppenderHandle _handle;
    private readonly IntPtr _appender;
    private readonly string _table;
    private readonly ChunkWriter? _bulk;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        var state = NativeMethods.AppenderCreateExt(connection.Handle, null, schema, table, out var pointer);
        var handle = new AppenderHandle(pointer, connection.Handle);
        if (state != DuckDbState.Success)
        {
            var error = handle.IsInvalid ? new DuckDbException($"Could not create an appender for table '{table}'.") : AppenderErrors.Read(pointer, table);
            handle.Dispose();
            throw error;
        }

        _connection = connection;
        _handle = handle;
        _appender = pointer;
        _table = schema is null ? table : $"{schema}.{table}";
        _bulk = ChunkWriter.TryCreate(pointer, _table);
    }

    /// <summary>Appends NULL to the current column.</summary>
    public DuckDbAppender AppendNull()
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteNull();
            return this;
        }

        return Check(NativeMethods.AppendNull(Native));
    }

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppender Append(bool value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteBoolean(value);
            return this;
        }

        return Check(NativeMethods.AppendBool(Native, value));
    }

    /// <summary>Appends a TINYINT.</summary>
    public DuckDbAppender Append(sbyte value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendInt8(Native, value));
    }

    /// <summary>Appends a SMALLINT.</summary>
    public DuckDbAppender Append(short value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendInt16(Native, value));
    }

    /// <summary>Appends an INTEGER.</summary>
    public DuckDbAppender Append(int value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendInt32(Native, value));
    }

    /// <summary>Appends a BIGINT.</summary>
    public DuckDbAppender Append(long value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendInt64(Native, value));
    }

    /// <summary>Appends a HUGEINT.</summary>
    public DuckDbAppender Append(Int128 value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt128(value);
            return this;
        }

        return Check(NativeMethods.AppendHugeInt(Native, new DuckDbHugeInt(value)));
    }

    /// <summary>Appends a UHUGEINT.</summary>
    public DuckDbAppender Append(UInt128 value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteUInt128(value);
            return this;
        }

        return Check(NativeMethods.AppendUHugeInt(Native, new DuckDbUHugeInt(value)));
    }

    /// <summary>Appends a UTINYINT.</summary>
    public DuckDbAppender Append(byte value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendUInt8(Native, value));
    }

    /// <summary>Appends a USMALLINT.</summary>
    public DuckDbAppender Append(ushort value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendUInt16(Native, value));
    }

    /// <summary>Appends a UINTEGER.</summary>
    public DuckDbAppender Append(uint value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInt64(value);
            return this;
        }

        return Check(NativeMethods.AppendUInt32(Native, value));
    }

    /// <summary>Appends a UBIGINT.</summary>
    public DuckDbAppender Append(ulong value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteUInt128(value);
            return this;
        }

        return Check(NativeMethods.AppendUInt64(Native, value));
    }

    /// <summary>Appends a FLOAT.</summary>
    public DuckDbAppender Append(float value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDouble(value);
            return this;
        }

        return Check(NativeMethods.AppendFloat(Native, value));
    }

    /// <summary>Appends a DOUBLE.</summary>
    public DuckDbAppender Append(double value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDouble(value);
            return this;
        }

        return Check(NativeMethods.AppendDouble(Native, value));
    }

    /// <summary>Appends a DECIMAL (converted to the column's width and scale by DuckDB).</summary>
    /// <remarks>
    /// Written as its invariant text: DuckDB parses text to DECIMAL exactly, and several times faster than it builds and
    /// casts a DECIMAL(38) value object.
    /// </remarks>
    public DuckDbAppender Append(decimal value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDecimal(value);
            return this;
        }

        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        fixed (byte* bytes = text)
        {
            return Check(NativeMethods.AppendVarcharLength(Native, bytes, (ulong)length));
        }
    }

    /// <summary>Appends a VARCHAR; null appends NULL.</summary>
    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        if (Bulk is { } bulk)
        {
            bulk.WriteString(value);
            return this;
        }

        using var utf8 = new Utf8(value, stackalloc byte[256]);
        fixed (byte* bytes = utf8.Bytes)
        {
            return Check(NativeMethods.AppendVarcharLength(Native, bytes, (ulong)utf8.Bytes.Length));
        }
    }

    /// <summary>Appends a BLOB; null appends NULL.</summary>
    public DuckDbAppender Append(byte[]? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        if (Bulk is { } bulk)
        {
            bulk.WriteBlob(value);
            return this;
        }

        fixed (byte* bytes = value)
        {
            // A zero-length array pins as null; DuckDB wants a valid pointer even for an empty blob.
            byte empty = 0;
            return Check(NativeMethods.AppendBlob(Native, bytes is null ? &empty : bytes, (ulong)value.Length));
        }
    }

    /// <summary>Appends a DATE.</summary>
    public DuckDbAppender Append(DateOnly value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDate(value);
            return this;
        }

        return Check(NativeMethods.AppendDate(Native, Conversions.DateOnlyToDays(value)));
    }

    /// <summary>Appends a TIME.</summary>
    public DuckDbAppender Append(TimeOnly value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteTime(value);
            return this;
        }

        return Check(NativeMethods.AppendTime(Native, Conversions.TimeOnlyToMicros(value)));
    }

    /// <summary>Appends a TIMESTAMP; a DateTime of Kind Utc appends a TIMESTAMPTZ instant.</summary>
    public DuckDbAppender Append(DateTime value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDateTime(value);
            return this;
        }

        return value.Kind == DateTimeKind.Utc
            ? AppendValue(NativeMethods.CreateTimestampTz(Conversions.DateTimeToMicros(value)))
            : Check(NativeMethods.AppendTimestamp(_appender, Conversions.DateTimeToMicros(value)));
    }

    /// <summary>Appends a TIMESTAMPTZ (the instant; the offset is not stored).</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteDateTimeOffset(value);
            return this;
        }

        return AppendValue(NativeMethods.CreateTimestampTz(Conversions.DateTimeOffsetToMicros(value)));
    }

    /// <summary>Appends an INTERVAL of days and microseconds.</summary>
    public DuckDbAppender Append(TimeSpan value) => Append(DuckDbInterval.FromTimeSpan(value));

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppender Append(DuckDbInterval value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteInterval(value);
            return this;
        }

        return Check(NativeMethods.AppendInterval(_appender, new DuckDbIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros }));
    }

    /// <summary>Appends a UUID.</summary>
    public DuckDbAppender Append(Guid value)
    {
        if (Bulk is { } bulk)
        {
            bulk.WriteGuid(value);
            return this;
        }

        return AppendValue(NativeMethods.CreateUuid(Conversions.GuidToUHugeInt(value)));
    }

    /// <summary>
    /// Appends a value of any supported type, choosing the overload by <typeparamref name="T"/> at JIT time (no boxing);
    /// null and empty nullables append NULL.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DuckDbAppender Append<T>(T value)
    {
        if (typeof(T) == typeof(int)) return Append(Unsafe.As<T, int>(ref value));
        if (typeof(T) == typeof(long)) return Append(Unsafe.As<T, long>(ref value));
        if (typeof(T) == typeof(string)) return Append(Unsafe.As<T, string?>(ref value));
        if (typeof(T) == typeof(double)) return Append(Unsafe.As<T, double>(ref value));
        if (typeof(T) == typeof(decimal)) return Append(Unsafe.As<T, decimal>(ref value));
        if (typeof(T) == typeof(bool)) return Append(Unsafe.As<T, bool>(ref value));
        if (typeof(T) == typeof(DateTime)) return Append(Unsafe.As<T, DateTime>(ref value));
        if (typeof(T) == typeof(DateOnly)) return Append(Unsafe.As<T, DateOnly>(ref value));
        if (typeof(T) == typeof(short)) return Append(Unsafe.As<T, short>(ref value));
        if (typeof(T) == typeof(sbyte)) return Append(Unsafe.As<T, sbyte>(ref value));
        if (typeof(T) == typeof(byte)) return Append(Unsafe.As<T, byte>(ref value));
        if (typeof(T) == typeof(ushort)) return Append(Unsafe.As<T, ushort>(ref value));
        if (typeof(T) == typeof(uint)) return Append(Unsafe.As<T, uint>(ref value));
        if (typeof(T) == typeof(ulong)) return Append(Unsafe.As<T, ulong>(ref value));
        if (typeof(T) == typeof(float)) return Append(Unsafe.As<T, float>(ref value));
        if (typeof(T) == typeof(Int128)) return Append(Unsafe.As<T, Int128>(ref value));
        if (typeof(T) == typeof(UInt128)) return Append(Unsafe.As<T, UInt128>(ref value));
        if (typeof(T) == typeof(byte[])) return Append(Unsafe.As<T, byte[]?>(ref value));
        if (typeof(T) == typeof(TimeOnly)) return Append(Unsafe.As<T, TimeOnly>(ref value));
        if (typeof(T) == typeof(DateTimeOffset)) return Append(Unsafe.As<T, DateTimeOffset>(ref value));
        if (typeof(T) == typeof(TimeSpan)) return Append(Unsafe.As<T, TimeSpan>(ref value));
        if (typeof(T) == typeof(DuckDbInterval)) return Append(Unsafe.As<T, DuckDbInterval>(ref value));
        if (typeof(T) == typeof(Guid)) return Append(Unsafe.As<T, Guid>(ref value));
        if (typeof(T) == typeof(int?)) return AppendNullable(Unsafe.As<T, int?>(ref value));
        if (typeof(T) == typeof(long?)) return AppendNullable(Unsafe.As<T, long?>(ref value));
        if (typeof(T) == typeof(double?)) return AppendNullable(Unsafe.As<T, double?>(ref value));
        if (typeof(T) == typeof(decimal?)) return AppendNullable(Unsafe.As<T, decimal?>(ref value));
        if (typeof(T) == typeof(bool?)) return AppendNullable(Unsafe.As<T, bool?>(ref value));
        if (typeof(T) == typeof(DateTime?)) return AppendNullable(Unsafe.As<T, DateTime?>(ref value));
        if (typeof(T) == typeof(DateOnly?)) return AppendNullable(Unsafe.As<T, DateOnly?>(ref value));
        if (typeof(T) == typeof(short?)) return AppendNullable(Unsafe.As<T, short?>(ref value));
        if (typeof(T) == typeof(float?)) return AppendNullable(Unsafe.As<T, float?>(ref value));
        if (typeof(T) == typeof(Guid?)) return AppendNullable(Unsafe.As<T, Guid?>(ref value));
        if (typeof(T) == typeof(DateTimeOffset?)) return AppendNullable(Unsafe.As<T, DateTimeOffset?>(ref value));
        if (typeof(T) == typeof(TimeSpan?)) return AppendNullable(Unsafe.As<T, TimeSpan?>(ref value));
        if (typeof(T) == typeof(TimeOnly?)) return AppendNullable(Unsafe.As<T, TimeOnly?>(ref value));
        return AppendObject(value);
    }

    /// <summary>Ends the current row; every column must have had a value.</summary>
    public DuckDbAppender EndRow()
    {
        if (Bulk is { } bulk)
        {
            bulk.EndRow();
            return this;
        }

        return Check(NativeMethods.AppenderEndRow(_appender));
    }

    /// <summary>Writes the appended rows to the table; a constraint violation fails here.</summary>
    public void Flush()
    {
        Bulk?.SendChunk();
        Check(NativeMethods.AppenderFlush(_appender));
    }

    /// <summary>Flushes and closes the appender.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Exception? failure = null;
        try
        {
            _bulk?.SendChunk();
        }
        catch (DuckDbException exception)
        {
            failure = exception;
        }

        _closed = true;
        if (NativeMethods.AppenderClose(_appender) != DuckDbState.Success)
        {
            failure ??= Failure();
        }

        _bulk?.Dispose();
        _handle.Dispose();
        _connection.RemoveAppender(this);
        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>Flushes and closes the appender (see <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    /// <summary>The connection is closing: discard the appender (DuckDB flushes what it can when destroying it).</summary>
    internal void CloseForConnection()
    {
        try
        {
            _bulk?.SendChunk();
        }
        catch (DuckDbException)
        {
            // Closing the connection must not fail; rows that cannot be written are lost, as with any unflushed appender.
        }

        _closed = true;
        _bulk?.Dispose();
        _handle.Dispose();
        _connection.RemoveAppender(this);
    }

    private IntPtr Native
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_closed)
            {
                ThrowClosed();
            }

            return _appender;
        }
    }

    /// <summary>The bulk writer, or null when the table needs the per-value path; throws once closed.</summary>
    private ChunkWriter? Bulk
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_closed)
            {
                ThrowClosed();
            }

            return _bulk;
        }
    }

    private DuckDbAppender AppendNullable<T>(T? value)
        where T : struct => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>A value whose static type said nothing (object, or a type without an overload): dispatch on the runtime type.</summary>
    private DuckDbAppender AppendObject(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        int number => Append(number),
        long number => Append(number),
        string text => Append(text),
        double number => Append(number),
        decimal number => Append(number),
        bool flag => Append(flag),
        DateTime dateTime => Append(dateTime),
        DateOnly date => Append(date),
        short number => Append(number),
        sbyte number => Append(number),
        byte number => Append(number),
        ushort number => Append(number),
        uint number => Append(number),
        ulong number => Append(number),
        float number => Append(number),
        Int128 number => Append(number),
        UInt128 number => Append(number),
        BigInteger number => Append((Int128)number),
        byte[] bytes => Append(bytes),
        TimeOnly time => Append(time),
        DateTimeOffset offset => Append(offset),
        TimeSpan span => Append(span),
        DuckDbInterval interval => Append(interval),
        Guid guid => Append(guid),
        Enum member => Append(Convert.ToInt64(member, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"The appender cannot append a value of type {value.GetType().Name}."),
    };

    private DuckDbAppender AppendValue(IntPtr value)
    {
        using var handle = new ValueHandle(value, null);
        return Check(NativeMethods.AppendValue(Native, value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DuckDbAppender Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            throw Failure();
        }

        return this;
    }

    private DuckDbException Failure() => AppenderErrors.Read(_appender, _table);

    private void ThrowClosed() => throw new ObjectDisposedException(nameof(DuckDbAppender), $"The appender for table '{_table}' is closed.");
}
