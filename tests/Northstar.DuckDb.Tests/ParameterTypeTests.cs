using System.Data;

namespace Northstar.DuckDb.Tests;

/// <summary>Every supported .NET type bound as a parameter, stored in a typed column and read back.</summary>
public sealed class ParameterTypeTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string, object> Values() => new()
    {
        { "boolean", false },
        { "tinyint", sbyte.MinValue },
        { "smallint", short.MaxValue },
        { "integer", int.MinValue },
        { "bigint", long.MaxValue },
        { "utinyint", byte.MaxValue },
        { "usmallint", ushort.MaxValue },
        { "uinteger", uint.MaxValue },
        { "ubigint", ulong.MaxValue },
        { "float", float.MinValue },
        { "double", double.Epsilon },
        { "decimal(4,2)", -12.34m },
        { "decimal(9,3)", 123456.789m },
        { "decimal(18,4)", -12345678901234.5678m },
        { "decimal(38,8)", 79228162514264.33759354m },
        { "varchar", "ünïcödé 🦆 text" },
        { "varchar", "exactly12byt" },
        { "varchar", "exactly13byte" },
        { "blob", new byte[] { 0, 255, 0, 1 } },
        { "date", new DateTime(1950, 6, 15) },
        { "timestamp", new DateTime(1969, 12, 31, 23, 59, 59, 999, 999) },
        { "timestamp", DateTime.MinValue },
        { "timestamp", new DateTime(9999, 12, 31, 23, 59, 59, 999, 999) },
        { "time", new TimeSpan(0, 12, 30, 15, 250) },
        { "interval", new DuckDbInterval(-3, -2, -1_000_001) },
        { "uuid", Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6") },
        { "uuid", Guid.Parse("00000000-0000-0000-0000-000000000001") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_parameter_round_trips_through_a_typed_column(string type, object value)
    {
        _connection.Run($"create table t (v {type})");
        var parameter = new DuckDbParameter("v", value);
        if (type == "date")
        {
            parameter.DbType = DbType.Date;
        }
        else if (type == "time")
        {
            parameter.DbType = DbType.Time;
        }

        Assert.Equal(1, _connection.Run("insert into t values ($v)", parameter));
        Assert.Equal(1, _connection.Run("insert into t values ($1)", DBNull.Value));
        using var command = Sql.Command(_connection, "select v from t order by v nulls last");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(value, reader.GetValue(0));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Utc_DateTime_and_DateTimeOffset_bind_as_timestamptz_instants()
    {
        _connection.Run("set TimeZone = 'UTC'");
        var instant = new DateTimeOffset(1965, 5, 5, 5, 5, 5, TimeSpan.FromHours(3));
        Assert.Equal(instant.UtcDateTime, _connection.Scalar("select $1", instant));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)_connection.Scalar("select $1", instant.UtcDateTime)!).Kind);
        Assert.Equal(instant, _connection.Field<DateTimeOffset>("select $1::timestamptz", instant));
    }

    [Fact]
    public void DateOnly_TimeOnly_TimeSpan_and_128_bit_integers_bind_to_their_DuckDB_types()
    {
        Assert.Equal("DATE", TypeName("select $1", new DateOnly(2000, 2, 29)));
        Assert.Equal("TIME", TypeName("select $1", new TimeOnly(1, 2, 3)));
        Assert.Equal("INTERVAL", TypeName("select $1", TimeSpan.FromMinutes(-90)));
        Assert.Equal(-TimeSpan.FromMinutes(90), _connection.Field<TimeSpan>("select $1", TimeSpan.FromMinutes(-90)));
        Assert.Equal(Int128.MinValue, _connection.Field<Int128>("select $1", Int128.MinValue));
        Assert.Equal(UInt128.MaxValue, _connection.Field<UInt128>("select $1", UInt128.MaxValue));
        Assert.Equal(long.MaxValue, _connection.Field<long>("select $1::bigint", (System.Numerics.BigInteger)long.MaxValue));
    }

    [Fact]
    public void Null_and_DBNull_bind_as_NULL()
    {
        Assert.Equal(DBNull.Value, _connection.Scalar("select $1::integer", (object?)null));
        Assert.Equal(true, _connection.Scalar("select $1 is null", DBNull.Value));
    }

    private string TypeName(string sql, object value)
    {
        using var command = Sql.Command(_connection, sql, value);
        using var reader = command.ExecuteReader();
        return reader.GetDataTypeName(0);
    }
}
