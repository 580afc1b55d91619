using System.Collections;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Northstar.DuckDb.Internal;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb;

/// <summary>
/// Streams the results of a <see cref="DuckDbCommand"/>: rows are fetched one DuckDB chunk (up to 2048 rows) at a time
/// with <c>duckdb_fetch_chunk</c> and read in place, column by column; only the current chunk is alive.
/// <para>
/// Type mapping (as Npgsql maps the PostgreSQL equivalents, so Dapper code behaves alike on both engines):
/// BOOLEAN bool, TINYINT sbyte, SMALLINT short, INTEGER int, BIGINT long, UTINYINT byte, USMALLINT ushort,
/// UINTEGER uint, UBIGINT ulong, FLOAT float, DOUBLE double, DECIMAL decimal, VARCHAR and ENUM string, BLOB byte[],
/// DATE and TIMESTAMP (all precisions) DateTime (Kind Unspecified), TIMESTAMPTZ DateTime (Kind Utc), TIME TimeSpan,
/// INTERVAL <see cref="DuckDbInterval"/>, UUID Guid, LIST a typed array. HUGEINT and UHUGEINT come out of
/// <c>GetValue</c> as decimal (what PostgreSQL's numeric gives, e.g. for <c>sum(bigint)</c>; a value beyond decimal's
/// range throws) and exactly through <c>GetFieldValue&lt;Int128&gt;</c>, <c>&lt;UInt128&gt;</c> or
/// <c>&lt;BigInteger&gt;</c>. DATE also reads as DateOnly, TIME as TimeOnly, TIMESTAMPTZ as DateTimeOffset, an
/// INTERVAL without months as TimeSpan. A LIST of a value type with NULL elements reads only as a nullable-element
/// array (<c>GetFieldValue&lt;int?[]&gt;</c>); <c>GetValue</c> then throws, as Npgsql does.
/// </para>
/// </summary>
public sealed class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand _command;
    private readonly DuckDbConnection _connection;
    private readonly StatementBatch _batch;
    private readonly bool _ownsBatch;
    private readonly CommandExecution _execution;
    private readonly CommandBehavior _behavior;
    private int _nextStatement;
    private ResultHandle? _result;
    private DataChunkHandle? _chunk;
    private ColumnType[] _types = [];
    private string[] _names = [];
    private VectorView[] _vectors = [];
    private ulong _chunkSize;
    private ulong _row = ulong.MaxValue;
    private bool _hasRows;
    private bool _resultDone;
    private long _recordsAffected = -1;
    private bool _closed;
    private bool _stopped;

    internal DuckDbDataReader(
        DuckDbCommand command,
        DuckDbConnection connection,
        StatementBatch batch,
        bool ownsBatch,
        CommandExecution execution,
        CommandBehavior behavior)
    {
        _command = command;
        _connection = connection;
        _batch = batch;
        _ownsBatch = ownsBatch;
        _execution = execution;
        _behavior = behavior;
        try
        {
            AdvanceToNextQueryResult();
        }
        catch
        {
            CloseResult();
            throw;
        }
    }

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount
    {
        get
        {
            ThrowIfClosed();
            return _types.Length;
        }
    }

    /// <inheritdoc />
    public override bool HasRows
    {
        get
        {
            ThrowIfClosed();
            return _hasRows;
        }
    }

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <summary>Rows changed by the statements run so far; -1 when none of them changes rows.</summary>
    public override int RecordsAffected => (int)Math.Min(_recordsAffected, int.MaxValue);

    /// <inheritdoc />
    public override bool Read()
    {
        if (++_row < _chunkSize)
        {
            return true;
        }

        ThrowIfClosed();
        return FetchChunk();
    }

    /// <inheritdoc />
    public override bool NextResult()
    {
        ThrowIfClosed();
        return AdvanceToNextQueryResult();
    }

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal)
    {
        CheckRow(ordinal);
        return _vectors[ordinal].IsNull(_row);
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => VectorValues.GetBoolean(in Value(ordinal), _row);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => VectorValues.GetByte(in Value(ordinal), _row);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => VectorValues.GetInt16(in Value(ordinal), _row);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => VectorValues.GetInt32(in Value(ordinal), _row);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => VectorValues.GetInt64(in Value(ordinal), _row);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => VectorValues.GetFloat(in Value(ordinal), _row);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => VectorValues.GetDouble(in Value(ordinal), _row);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => VectorValues.GetDecimal(in Value(ordinal), _row);

    /// <inheritdoc />
    public override string GetString(int ordinal) => VectorValues.GetString(in Value(ordinal), _row);

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => VectorValues.GetDateTime(in Value(ordinal), _row);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => VectorValues.GetGuid(in Value(ordinal), _row);

    /// <inheritdoc />
    public override char GetChar(int ordinal) =>
        GetString(ordinal) is { Length: > 0 } text ? text[0] : ThrowHelper.ThrowInvalidCast<char>("The string is empty.");

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        ref readonly var vector = ref Value(ordinal);
        if (vector.Type.Id is not (DuckDbType.Blob or DuckDbType.Varchar))
        {
            ThrowHelper.ThrowInvalidCast($"A {vector.Type.Name} value cannot be read as bytes.");
        }

        var bytes = vector.GetBytes(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var available = Math.Max(0, bytes.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.AsSpan((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <summary>The value; <see cref="DBNull.Value"/> for NULL. See the class summary for the CLR types.</summary>
    public override object GetValue(int ordinal)
    {
        CheckRow(ordinal);
        ref readonly var vector = ref _vectors[ordinal];
        return vector.IsNull(_row) ? DBNull.Value : VectorValues.GetValue(vector, _row);
    }

    /// <summary>
    /// The value as <typeparamref name="T"/>, without boxing for the common types. NULL reads as null for a nullable
    /// value type and as <see cref="DBNull"/> for object; other types throw <see cref="InvalidCastException"/>.
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        CheckRow(ordinal);
        ref readonly var vector = ref _vectors[ordinal];
        if (vector.IsNull(_row))
        {
            if (typeof(T) == typeof(object))
            {
                return (T)(object)DBNull.Value;
            }

            if (default(T) is null && Nullable.GetUnderlyingType(typeof(T)) is not null)
            {
                return default!;
            }

            ThrowHelper.ThrowNull(_names[ordinal]);
        }

        return typeof(T) == typeof(object) ? (T)VectorValues.GetValue(vector, _row) : VectorValues.Get<T>(vector, _row);
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => Column(ordinal).ClrType;

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => Column(ordinal).Name;

    /// <inheritdoc />
    public override string GetName(int ordinal)
    {
        _ = Column(ordinal);
        return _names[ordinal];
    }

    /// <summary>The ordinal of a column: an exact match first, then a case-insensitive one.</summary>
    public override int GetOrdinal(string name)
    {
        ThrowIfClosed();
        var index = Array.IndexOf(_names, name);
        if (index >= 0)
        {
            return index;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>Closes the reader; statements of the command that have not run yet run now (their rows are skipped).</summary>
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            if (!_stopped && !_execution.IsInterrupted)
            {
                while (AdvanceToNextQueryResult())
                {
                }
            }
        }
        finally
        {
            CloseCore();
        }
    }

    /// <summary>The connection is closing: stop without running the remaining statements.</summary>
    internal void CloseForConnection()
    {
        _stopped = true;
        CloseCore();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private void CloseCore()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        CloseResult();
        _types = [];
        _names = [];
        if (_ownsBatch)
        {
            _batch.Dispose();
        }

        _command.ExecutionEnded(_execution);
        _execution.Dispose();
        if (ReferenceEquals(_connection.ActiveReader, this))
        {
            _connection.ActiveReader = null;
        }

        if ((_behavior & CommandBehavior.CloseConnection) != 0 && !_stopped)
        {
            _connection.Close();
        }
    }

    /// <summary>Runs statements until one returns rows; false when none is left.</summary>
    private bool AdvanceToNextQueryResult()
    {
        CloseResult();
        try
        {
            while (_nextStatement < _batch.Count)
            {
                var statement = _batch.Get(_nextStatement++);
                ParameterBinder.Bind(statement, _command.Parameters);
                var result = _execution.Execute(statement);
                var type = ResultTypeOf(result);
                if (type == DuckDbResultType.QueryResult)
                {
                    StartResult(result);
                    return true;
                }

                using (result)
                {
                    if (type == DuckDbResultType.ChangedRows)
                    {
                        _recordsAffected = Math.Max(_recordsAffected, 0) + ResultRows.ReadChangedRows(result, _execution);
                    }
                }
            }
        }
        catch
        {
            _stopped = true;
            CloseResult();
            throw;
        }

        _types = [];
        _names = [];
        _vectors = [];
        return false;
    }

    private static unsafe DuckDbResultType ResultTypeOf(ResultHandle result) =>
        NativeMethods.ResultReturnType(*result.Pointer);

    private unsafe void StartResult(ResultHandle result)
    {
        _result = result;
        var count = (int)NativeMethods.ColumnCount(result.Pointer);
        _types = new ColumnType[count];
        _names = new string[count];
        _vectors = new VectorView[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ColumnName(result.Pointer, (ulong)i) ?? "";
            using var type = new LogicalTypeHandle(NativeMethods.ColumnLogicalType(result.Pointer, (ulong)i), null);
            _types[i] = ColumnType.From(type);
        }

        _resultDone = false;
        _hasRows = FetchChunk();
        _row = ulong.MaxValue;
    }

    /// <summary>Replaces the current chunk with the next non-empty one; false at the end of the result.</summary>
    private unsafe bool FetchChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkSize = 0;
        _row = ulong.MaxValue;
        if (_result is null || _resultDone)
        {
            return false;
        }

        while (true)
        {
            _execution.ThrowIfInterrupted();
            var pointer = NativeMethods.FetchChunk(*_result.Pointer);
            if (pointer == IntPtr.Zero)
            {
                _resultDone = true;
                var error = NativeMethods.ResultError(_result.Pointer);
                if (error is not null)
                {
                    _stopped = true;
                    throw _execution.Failure(error, NativeMethods.ResultErrorType(_result.Pointer));
                }

                return false;
            }

            var chunk = new DataChunkHandle(pointer, _result);
            var size = NativeMethods.DataChunkGetSize(pointer);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            for (var i = 0; i < _vectors.Length; i++)
            {
                _vectors[i] = VectorView.Create(NativeMethods.DataChunkGetVector(pointer, (ulong)i), _types[i]);
            }

            _chunk = chunk;
            _chunkSize = size;
            _row = 0;
            return true;
        }
    }

    private void CloseResult()
    {
        _chunk?.Dispose();
        _chunk = null;
        _result?.Dispose();
        _result = null;
        _chunkSize = 0;
        _row = ulong.MaxValue;
        _hasRows = false;
        _vectors = [];
    }

    /// <summary>The vector of a non-NULL value of the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly VectorView Value(int ordinal)
    {
        CheckRow(ordinal);
        ref readonly var vector = ref _vectors[ordinal];
        if (vector.IsNull(_row))
        {
            ThrowHelper.ThrowNull(_names[ordinal]);
        }

        return ref vector;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckRow(int ordinal)
    {
        if (_row >= _chunkSize)
        {
            ThrowNoRow();
        }

        if ((uint)ordinal >= (uint)_vectors.Length)
        {
            ThrowHelper.ThrowOrdinal(ordinal, _vectors.Length);
        }
    }

    private ColumnType Column(int ordinal)
    {
        ThrowIfClosed();
        if ((uint)ordinal >= (uint)_types.Length)
        {
            ThrowHelper.ThrowOrdinal(ordinal, _types.Length);
        }

        return _types[ordinal];
    }

    private void ThrowNoRow()
    {
        ThrowIfClosed();
        ThrowHelper.ThrowNoRow();
    }

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            ThrowHelper.ThrowReaderClosed();
        }
    }
}
