namespace Northstar.DuckDb.Tests;

public sealed class AppenderTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void The_appender_loads_a_million_rows_verified_by_count_and_sums()
    {
        _connection.Run("create table sales (id bigint, qty integer, price decimal(18,2), label varchar, day date)");
        using (var appender = _connection.CreateAppender("sales"))
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                appender.Append((long)i).Append(i % 10).Append(i % 100 / 4m).Append(i % 2 == 0 ? "even" : null)
                    .Append(new DateOnly(2024, 1, 1).AddDays(i % 366)).EndRow();
            }
        }

        using var command = Sql.Command(_connection, "select count(*), sum(id), sum(qty), sum(price), count(label), max(day) from sales");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1_000_000L, reader.GetInt64(0));
        Assert.Equal(499_999_500_000m, reader.GetDecimal(1));
        Assert.Equal(4_500_000m, reader.GetDecimal(2));
        Assert.Equal(12_375_000m, reader.GetDecimal(3));
        Assert.Equal(500_000L, reader.GetInt64(4));
        Assert.Equal(new DateTime(2024, 12, 31), reader.GetDateTime(5));
    }

    [Fact]
    public void Every_appendable_type_round_trips_including_the_generic_Append()
    {
        _connection.Run("""
            create table everything (b boolean, ti tinyint, si smallint, i integer, bi bigint, hi hugeint, ut utinyint, us usmallint,
                ui uinteger, ub ubigint, f float, d double, m decimal(20,4), s varchar, bl blob, dt date, t time, ts timestamp,
                tz timestamptz, iv interval, u uuid, n integer)
            """);
        var guid = Guid.NewGuid();
        var stamp = new DateTime(1955, 11, 5, 6, 15, 0);
        var instant = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        using (var appender = _connection.CreateAppender("main", "everything"))
        {
            appender.Append(true).Append((sbyte)-1).Append((short)-2).Append(-3).Append(-4L).Append((Int128)(-5)).Append((byte)6)
                .Append((ushort)7).Append(8u).Append(9ul).Append(1.5f).Append(2.5).Append(-1234.5678m).Append("🦆 appended")
                .Append(new byte[] { 0, 1 }).Append(new DateOnly(1901, 1, 1)).Append(new TimeOnly(23, 59)).Append(stamp)
                .Append(instant).Append(TimeSpan.FromHours(-30)).Append(guid).AppendNull().EndRow();
            appender.Append<bool?>(null).Append<sbyte>(1).Append<short?>(2).Append<int?>(3).Append<long>(4).Append<Int128>(5)
                .Append<byte>(6).Append<ushort>(7).Append<uint>(8).Append<ulong>(9).Append<float?>(1.5f).Append<double?>(2.5)
                .Append<decimal?>(-1234.5678m).Append<string?>(null).Append<byte[]?>(null).Append<DateOnly?>(new DateOnly(1901, 1, 1))
                .Append<TimeOnly?>(new TimeOnly(23, 59)).Append<DateTime?>(stamp).Append<DateTimeOffset?>(instant)
                .Append<TimeSpan?>(TimeSpan.FromHours(-30)).Append<Guid?>(guid).Append<int?>(null).EndRow();
        }

        using var command = Sql.Command(_connection, "select * from everything order by s nulls last");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var first = new object[reader.FieldCount];
        reader.GetValues(first);
        Assert.Equal(
            new object[]
            {
                true, (sbyte)-1, (short)-2, -3, -4L, -5m, (byte)6, (ushort)7, 8u, 9ul, 1.5f, 2.5, -1234.5678m, "🦆 appended",
                new byte[] { 0, 1 }, new DateTime(1901, 1, 1), new TimeSpan(23, 59, 0), stamp, instant.UtcDateTime,
                new DuckDbInterval(0, -1, -6L * 3600 * 1_000_000), guid, DBNull.Value,
            },
            first);
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.Equal(-1234.5678m, reader.GetDecimal(12));
        Assert.Equal(guid, reader.GetGuid(20));
        Assert.True(reader.IsDBNull(21));
    }

    [Fact]
    public void Appending_the_wrong_number_of_columns_fails_cleanly()
    {
        _connection.Run("create table two (a integer, b integer)");
        var appender = _connection.CreateAppender("two");
        appender.Append(1);
        var tooFew = Assert.Throws<DuckDbException>(() => appender.EndRow());
        Assert.Contains("column", tooFew.Message, StringComparison.OrdinalIgnoreCase);
        appender.Append(2);
        Assert.Throws<DuckDbException>(() => appender.Append(3));

        // The half-written row cannot be flushed: closing says so, and the connection goes on working.
        Assert.Throws<DuckDbException>(appender.Dispose);
        Assert.Equal(0L, _connection.Scalar("select count(*) from two"));
    }

    [Fact]
    public void A_constraint_violation_fails_on_close_and_the_connection_stays_usable()
    {
        _connection.Run("create table keyed (id integer primary key)");
        var appender = _connection.CreateAppender("keyed");
        appender.Append(1).EndRow().Append(1).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Close);
        Assert.Equal(DuckDbErrorType.Constraint, error.ErrorType);
        Assert.Throws<ObjectDisposedException>(() => appender.Append(2));
        Assert.Equal(0L, _connection.Scalar("select count(*) from keyed"));
    }

    [Fact]
    public void An_appender_for_a_missing_table_fails_with_DuckDBs_message()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.CreateAppender("nope"));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_in_one_chunk_do_not_leak_into_the_next()
    {
        _connection.Run("create table sparse (i integer, s varchar)");
        using (var appender = _connection.CreateAppender("sparse"))
        {
            for (var i = 0; i < 5000; i++)
            {
                if (i < 2048)
                {
                    appender.AppendNull().AppendNull().EndRow();
                }
                else
                {
                    appender.Append(i).Append($"v{i}").EndRow();
                }
            }
        }

        Assert.Equal(2952L, _connection.Scalar("select count(i) from sparse"));
        Assert.Equal(2952L, _connection.Scalar("select count(s) from sparse"));
        Assert.Equal("v4999", _connection.Scalar("select max_by(s, i) from sparse"));
    }

    [Fact]
    public void Values_are_converted_to_the_column_type_and_out_of_range_ones_fail()
    {
        _connection.Run("create table conv (big bigint, small smallint, amount decimal(6,2), real double, day date, stamp timestamp)");
        var appender = _connection.CreateAppender("conv");
        appender.Append(7).Append(8L).Append(1.005m).Append(2).Append(new DateTime(2020, 5, 6, 7, 8, 9)).Append(new DateOnly(2021, 1, 2)).EndRow();
        appender.Flush();
        Assert.Equal(1L, _connection.Scalar("select count(*) from conv"));
        var error = Assert.Throws<DuckDbException>(() => appender.Append(1).Append(40000));
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Contains("SMALLINT", error.Message, StringComparison.Ordinal);
        Assert.Throws<DuckDbException>(appender.Close);

        using var command = Sql.Command(_connection, "select * from conv");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(new object[] { 7L, (short)8, 1.01m, 2.0, new DateTime(2020, 5, 6), new DateTime(2021, 1, 2) }, Values(reader));
    }

    [Fact]
    public void A_table_with_a_column_the_bulk_path_cannot_write_is_appended_value_by_value()
    {
        _connection.Run("create type mood as enum ('sad', 'happy'); create table moods (id integer, mood mood, tags varchar[])");
        using (var appender = _connection.CreateAppender("moods"))
        {
            appender.Append(1).Append("happy").AppendNull().EndRow();
            appender.Append(2).Append("sad").AppendNull().EndRow();
        }

        Assert.Equal("happy", _connection.Scalar("select mood from moods where id = 1"));
        Assert.Equal(2L, _connection.Scalar("select count(*) from moods"));
    }

    [Fact]
    public void Boxed_values_appended_as_object_go_to_their_typed_overload()
    {
        _connection.Run("create table boxed (i integer, s varchar, d date, n integer)");
        using (var appender = _connection.CreateAppender("boxed"))
        {
            foreach (var value in new object?[] { 5, "five", new DateOnly(2005, 5, 5), null })
            {
                appender.Append(value);
            }

            appender.EndRow();
        }

        using var command = Sql.Command(_connection, "select * from boxed");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(new object[] { 5, "five", new DateTime(2005, 5, 5), DBNull.Value }, Values(reader));
    }

    private static object[] Values(DuckDbDataReader reader)
    {
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
