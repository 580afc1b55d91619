using System.Numerics;

namespace Northstar.DuckDb.Tests;

/// <summary>Every supported DuckDB type read from a query: exact value, CLR type, extremes and NULL.</summary>
public sealed class TypeQueryTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("true::boolean", true)]
    [InlineData("(-128)::tinyint", (sbyte)-128)]
    [InlineData("127::tinyint", (sbyte)127)]
    [InlineData("(-32768)::smallint", (short)-32768)]
    [InlineData("32767::smallint", (short)32767)]
    [InlineData("(-2147483648)::integer", int.MinValue)]
    [InlineData("2147483647::integer", int.MaxValue)]
    [InlineData("(-9223372036854775808)::bigint", long.MinValue)]
    [InlineData("9223372036854775807::bigint", long.MaxValue)]
    [InlineData("255::utinyint", (byte)255)]
    [InlineData("65535::usmallint", (ushort)65535)]
    [InlineData("4294967295::uinteger", uint.MaxValue)]
    [InlineData("18446744073709551615::ubigint", ulong.MaxValue)]
    [InlineData("3.5::float", 3.5f)]
    [InlineData("'-Infinity'::float", float.NegativeInfinity)]
    [InlineData("1.7976931348623157e308::double", double.MaxValue)]
    [InlineData("'héllo wörld ✓ 🦆'::varchar", "héllo wörld ✓ 🦆")]
    [InlineData("''::varchar", "")]
    public void A_scalar_type_reads_as_its_clr_type_with_the_exact_value(string expression, object expected)
    {
        using var command = Sql.Command(_connection, $"select {expression}, null::{TypeOf(expression)}");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(expected.GetType(), reader.GetFieldType(0));
        Assert.Equal(expected, reader.GetValue(0));
        Assert.False(reader.IsDBNull(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(DBNull.Value, reader.GetValue(1));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(10_000)]
    public void Strings_around_the_inline_limit_and_long_ones_read_back_whole(int bytes)
    {
        var text = new string('x', bytes - 4) + "🦆";
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetByteCount(text));
        Assert.Equal(text, _connection.Field<string>("select $1::varchar", text));
        Assert.Equal(text, _connection.Field<string>($"select '{text}'"));
    }

    [Fact]
    public void Blobs_keep_zero_bytes_and_every_byte_value()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0, 0, 0 }).ToArray();
        Assert.Equal(bytes, _connection.Field<byte[]>("select $1::blob", bytes));
        Assert.Equal(new byte[] { 0, 1, 0 }, _connection.Field<byte[]>("select '\\x00\\x01\\x00'::blob"));
        Assert.Equal(typeof(byte[]), _connection.Scalar("select ''::blob")!.GetType());
    }

    [Theory]
    [InlineData("DECIMAL(4,2)", "-99.99")]
    [InlineData("DECIMAL(9,4)", "12345.6789")]
    [InlineData("DECIMAL(18,6)", "-999999999999.999999")]
    [InlineData("DECIMAL(28,10)", "123456789012345678.0123456789")]
    [InlineData("DECIMAL(38,0)", "79228162514264337593543950335")]
    [InlineData("DECIMAL(38,10)", "-7922816251426433759.3543950335")]
    public void Decimals_of_every_internal_width_read_exactly(string type, string value)
    {
        var expected = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        using (var command = Sql.Command(_connection, $"select '{value}'::{type}"))
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(expected, reader.GetDecimal(0));
            Assert.Equal(expected, reader.GetValue(0));
            Assert.Equal(type, reader.GetDataTypeName(0));
        }

        Assert.Equal(expected, _connection.Field<decimal>($"select $1::{type}", expected));
    }

    [Fact]
    public void Hugeint_reads_as_decimal_through_GetValue_and_exactly_as_Int128()
    {
        Assert.Equal(typeof(decimal), _connection.Scalar("select 1::hugeint")!.GetType());
        Assert.Equal(Int128.MaxValue, _connection.Field<Int128>("select 170141183460469231731687303715884105727::hugeint"));
        Assert.Equal(Int128.MinValue, _connection.Field<Int128>("select (-170141183460469231731687303715884105728)::hugeint"));
        Assert.Equal(BigInteger.Parse("-170141183460469231731687303715884105728", System.Globalization.CultureInfo.InvariantCulture),
            _connection.Field<BigInteger>("select (-170141183460469231731687303715884105728)::hugeint"));
        Assert.Equal(UInt128.MaxValue, _connection.Field<UInt128>("select 340282366920938463463374607431768211455::uhugeint"));
        Assert.Equal(12345678901234567890123m, _connection.Scalar("select 12345678901234567890123::hugeint"));
        Assert.Equal(4950L, _connection.Field<long>("select sum(i) from range(100) t(i)"));
        Assert.Throws<InvalidCastException>(() => _connection.Scalar("select 170141183460469231731687303715884105727::hugeint"));
    }

    [Fact]
    public void Dates_read_as_DateTime_and_DateOnly_including_before_1970_and_infinity()
    {
        Assert.Equal(new DateTime(1969, 7, 20), _connection.Scalar("select date '1969-07-20'"));
        Assert.Equal(new DateOnly(1, 1, 1), _connection.Field<DateOnly>("select date '0001-01-01'"));
        Assert.Equal(new DateOnly(9999, 12, 31), _connection.Field<DateOnly>("select date '9999-12-31'"));
        Assert.Equal(DateTime.MaxValue, _connection.Scalar("select 'infinity'::date"));
        Assert.Equal(DateTime.MinValue, _connection.Scalar("select '-infinity'::date"));
        Assert.Equal(new DateOnly(1900, 2, 28), _connection.Field<DateOnly>("select $1", new DateOnly(1900, 2, 28)));
    }

    [Fact]
    public void Times_read_as_TimeSpan_and_TimeOnly()
    {
        Assert.Equal(new TimeSpan(0, 23, 59, 59, 999, 999), _connection.Scalar("select time '23:59:59.999999'"));
        Assert.Equal(new TimeOnly(0, 0), _connection.Field<TimeOnly>("select time '00:00:00'"));
        Assert.Equal(new TimeOnly(13, 14, 15, 16), _connection.Field<TimeOnly>("select $1", new TimeOnly(13, 14, 15, 16)));
    }

    [Fact]
    public void Timestamps_read_with_the_right_kind_and_precision()
    {
        var before1970 = _connection.Field<DateTime>("select timestamp '1901-12-13 20:45:52.123456'");
        Assert.Equal(new DateTime(1901, 12, 13, 20, 45, 52, 123, 456, DateTimeKind.Unspecified), before1970);
        Assert.Equal(DateTimeKind.Unspecified, before1970.Kind);

        _connection.Run("set TimeZone = 'UTC'");
        var utc = _connection.Field<DateTime>("select timestamptz '2024-03-01 10:00:00+02'");
        Assert.Equal(new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), _connection.Field<DateTimeOffset>("select timestamptz '2024-03-01 10:00:00+02'"));

        Assert.Equal(new DateTime(1960, 1, 1, 0, 0, 1), _connection.Scalar("select '1960-01-01 00:00:01'::timestamp_s"));
        Assert.Equal(new DateTime(1960, 1, 1, 0, 0, 1, 5), _connection.Scalar("select '1960-01-01 00:00:01.005'::timestamp_ms"));
        Assert.Equal(new DateTime(1960, 1, 1, 0, 0, 1, 0, 1).AddTicks(2), _connection.Scalar("select '1960-01-01 00:00:01.0000012'::timestamp_ns"));
        Assert.Equal(DateTime.MaxValue, _connection.Scalar("select 'infinity'::timestamp"));
    }

    [Fact]
    public void Intervals_read_as_DuckDbInterval_and_as_TimeSpan_without_months()
    {
        Assert.Equal(new DuckDbInterval(14, 3, 4_000_005), _connection.Scalar("select interval '1 year 2 months 3 days 4.000005 seconds'"));
        Assert.Equal(new DuckDbInterval(0, -2, -3_600_000_000), _connection.Scalar("select -interval '2 days 1 hour'"));
        Assert.Equal(-new TimeSpan(2, 1, 0, 0), _connection.Field<TimeSpan>("select -interval '2 days 1 hour'"));
        Assert.Throws<InvalidCastException>(() => _connection.Field<TimeSpan>("select interval '1 month'"));
    }

    [Fact]
    public void Uuids_read_as_the_same_Guid_DuckDB_prints()
    {
        foreach (var text in new[] { "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "7f3b9c2e-1a4d-4e5f-8a6b-0c1d2e3f4a5b", "80000000-0000-0000-0000-000000000001" })
        {
            Assert.Equal(Guid.Parse(text), _connection.Scalar($"select '{text}'::uuid"));
            Assert.Equal(text, _connection.Scalar("select $1::varchar", Guid.Parse(text)));
        }
    }

    [Fact]
    public void Enums_of_every_internal_width_read_as_their_label()
    {
        _connection.Run("create type mood as enum ('sad', 'ok', 'happy 😀')");
        Assert.Equal("happy 😀", _connection.Scalar("select 'happy 😀'::mood"));
        var labels = string.Join(",", Enumerable.Range(0, 300).Select(i => $"'l{i}'"));
        _connection.Run($"create type wide as enum ({labels})");
        Assert.Equal("l299", _connection.Scalar("select 'l299'::wide"));
        var many = string.Join(",", Enumerable.Range(0, 70_000).Select(i => $"'m{i}'"));
        _connection.Run($"create type huge as enum ({many})");
        Assert.Equal("m69999", _connection.Scalar("select 'm69999'::huge"));
        Assert.Equal(typeof(string), _connection.Scalar("select 'ok'::mood")!.GetType());
    }

    [Fact]
    public void Lists_read_as_typed_arrays_and_null_elements_need_a_nullable_array()
    {
        Assert.Equal(new[] { 1, 2, 3 }, _connection.Scalar("select [1, 2, 3]::integer[]"));
        Assert.Equal(new[] { "a", null, "🦆" }, _connection.Scalar("select ['a', null, '🦆']"));
        Assert.Equal(new[] { 1.5m, -2.25m }, _connection.Field<decimal[]>("select [1.5, -2.25]::decimal(10,2)[]"));
        Assert.Equal(new int?[] { 1, null }, _connection.Field<int?[]>("select [1, null]::integer[]"));
        Assert.Throws<InvalidCastException>(() => _connection.Scalar("select [1, null]::integer[]"));
        Assert.Equal(Array.Empty<long>(), _connection.Scalar("select []::bigint[]"));
        Assert.Equal(typeof(int[]), Type(_connection, "select [1]::integer[]"));
        Assert.Equal(new[] { 4, 5 }, _connection.Field<int[]>("select $1", new[] { 4, 5 }));
        Assert.Equal(new[] { "x", "y" }, _connection.Field<string[]>("select $1", (object)new[] { "x", "y" }));
    }

    [Fact]
    public void GetFieldValue_of_a_nullable_type_returns_null_for_NULL_and_a_plain_type_throws()
    {
        Assert.Null(_connection.Field<int?>("select null::integer"));
        Assert.Equal(5, _connection.Field<int?>("select 5"));
        Assert.Equal(DBNull.Value, _connection.Field<object>("select null::integer"));
        Assert.Throws<InvalidCastException>(() => _connection.Field<int>("select null::integer"));
    }

    private static Type Type(DuckDbConnection connection, string sql)
    {
        using var command = Sql.Command(connection, sql);
        using var reader = command.ExecuteReader();
        return reader.GetFieldType(0);
    }

    private static string TypeOf(string expression) => expression[(expression.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
