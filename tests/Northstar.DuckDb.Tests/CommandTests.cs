using System.Data;

namespace Northstar.DuckDb.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public CommandTests() => _connection.Run("create table t (id integer, name varchar)");

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void ExecuteScalar_on_an_empty_result_is_null_and_on_a_NULL_value_is_DBNull()
    {
        Assert.Null(_connection.Scalar("select id from t"));
        Assert.Equal(DBNull.Value, _connection.Scalar("select null"));
    }

    [Fact]
    public void ExecuteNonQuery_returns_changed_rows_summed_over_statements_and_minus_one_without_changes()
    {
        Assert.Equal(3, _connection.Run("insert into t values (1, 'a'), (2, 'b'), (3, 'c')"));
        Assert.Equal(2, _connection.Run("update t set name = 'z' where id < 3"));
        Assert.Equal(3, _connection.Run("insert into t values (4, 'd'); delete from t where id > 2; select 1"));
        Assert.Equal(-1, _connection.Run("create table u (i integer)"));
        Assert.Equal(-1, _connection.Run("select 1"));
    }

    [Fact]
    public void Statements_of_one_text_run_in_order_even_when_a_later_one_uses_an_earlier_ones_table()
    {
        Assert.Equal(1, _connection.Run("create table later (i integer); insert into later values ($1)", 5));
        Assert.Equal(5, _connection.Scalar("select i from later"));
    }

    [Fact]
    public void A_reader_exposes_each_result_through_NextResult_and_counts_changed_rows()
    {
        using var command = Sql.Command(_connection, "insert into t values (1, 'a'); select 1 as one; select 'x' as x, 2 as two; insert into t values (2, 'b')");
        using (var reader = command.ExecuteReader())
        {
            Assert.Equal(1, reader.FieldCount);
            Assert.Equal("one", reader.GetName(0));
            Assert.True(reader.Read());
            Assert.Equal(1, reader.GetInt32(0));
            Assert.False(reader.Read());
            Assert.True(reader.NextResult());
            Assert.Equal(2, reader.FieldCount);
            Assert.True(reader.Read());
            Assert.Equal("x", reader.GetString(0));
            Assert.False(reader.NextResult());
            Assert.Equal(0, reader.FieldCount);
            Assert.Equal(2, reader.RecordsAffected);
        }

        Assert.Equal(2L, _connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void Closing_a_reader_early_still_runs_the_remaining_statements()
    {
        using (var reader = Sql.Command(_connection, "select 1; insert into t values (9, 'late')").ExecuteReader())
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(9, _connection.Scalar("select id from t"));
    }

    [Fact]
    public void Reader_basics_HasRows_ordinals_GetValues_and_reading_past_the_end()
    {
        _connection.Run("insert into t values (1, null)");
        using var command = Sql.Command(_connection, "select id as Id, name as \"Name\" from t");
        using var reader = command.ExecuteReader();
        Assert.True(reader.HasRows);
        Assert.Equal(0, reader.GetOrdinal("ID"));
        Assert.Equal(1, reader.GetOrdinal("name"));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
        Assert.Equal(typeof(int), reader.GetFieldType(0));
        Assert.Equal("INTEGER", reader.GetDataTypeName(0));
        Assert.Equal("VARCHAR", reader.GetDataTypeName(1));
        Assert.True(reader.Read());
        var values = new object[2];
        Assert.Equal(2, reader.GetValues(values));
        Assert.Equal(new object[] { 1, DBNull.Value }, values);
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(DBNull.Value, reader["name"]);
        Assert.Throws<InvalidCastException>(() => reader.GetString(1));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetValue(2));
        Assert.False(reader.Read());
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
    }

    [Fact]
    public void An_empty_result_has_no_rows()
    {
        using var empty = Sql.Command(_connection, "select * from t where false").ExecuteReader();
        Assert.False(empty.HasRows);
        Assert.False(empty.Read());
    }

    [Fact]
    public void Only_one_reader_may_be_open_on_a_connection()
    {
        using var reader = Sql.Command(_connection, "select 1").ExecuteReader();
        Assert.Throws<InvalidOperationException>(() => _connection.Scalar("select 2"));
    }

    [Fact]
    public void Parameters_bind_by_name_with_or_without_dollar_and_by_position()
    {
        Assert.Equal("a-b", _connection.Scalar("select $x || '-' || $y", new DuckDbParameter("$x", "a"), new DuckDbParameter("y", "b")));
        Assert.Equal(5, _connection.Scalar("select $2 - $1", 2, 7));
        Assert.Equal(9, _connection.Scalar("select ? + ?", 4, 5));
        Assert.Equal(3, _connection.Scalar("select $n + $n", new DuckDbParameter("n", 1.5m)) is decimal d ? (int)d : 0);
    }

    [Fact]
    public void A_missing_or_misnamed_parameter_fails_with_a_clear_message()
    {
        var missing = Assert.Throws<DuckDbException>(() => _connection.Scalar("select $1 + $2", 1));
        Assert.Contains("$2", missing.Message, StringComparison.Ordinal);
        var misnamed = Assert.Throws<DuckDbException>(() => _connection.Scalar("select $wanted", new DuckDbParameter("given", 1)));
        Assert.Contains("$wanted", misnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prepared_command_runs_again_with_new_parameter_values()
    {
        using var command = Sql.Command(_connection, "insert into t values ($id, $name)");
        command.Parameters.AddWithValue("id", 0);
        command.Parameters.AddWithValue("name", "");
        command.Prepare();
        for (var i = 0; i < 100; i++)
        {
            command.Parameters["id"].Value = i;
            command.Parameters["name"].Value = $"n{i}";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        Assert.Equal(4950m, _connection.Scalar("select sum(id) from t"));
        Assert.Equal("n99", _connection.Scalar("select name from t where id = 99"));
    }

    [Fact]
    public void Transactions_commit_roll_back_and_roll_back_when_disposed()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            Assert.Equal(IsolationLevel.Snapshot, transaction.IsolationLevel);
            _connection.Run("insert into t values (1, 'committed')");
            transaction.Commit();
            Assert.Throws<InvalidOperationException>(transaction.Commit);
        }

        using (var transaction = _connection.BeginTransaction(IsolationLevel.Snapshot))
        {
            _connection.Run("insert into t values (2, 'rolled back')");
            transaction.Rollback();
        }

        using (_connection.BeginTransaction())
        {
            _connection.Run("insert into t values (3, 'disposed')");
        }

        Assert.Equal("committed", _connection.Scalar("select string_agg(name, ',') from t"));
    }

    [Fact]
    public void A_nested_transaction_and_other_isolation_levels_are_refused()
    {
        using var transaction = _connection.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => _connection.BeginTransaction());
        transaction.Rollback();
        Assert.Throws<NotSupportedException>(() => _connection.BeginTransaction(IsolationLevel.Serializable));
        Assert.Throws<NotSupportedException>(() => _connection.ChangeDatabase("other"));
    }

    [Fact]
    public void Uncommitted_rows_are_invisible_to_another_connection_until_commit()
    {
        using var database = new TestDatabase();
        using var writer = database.Open();
        using var reader = database.Open();
        writer.Run("create table x (i integer)");
        using var transaction = writer.BeginTransaction();
        writer.Run("insert into x values (1)");
        Assert.Equal(0L, reader.Scalar("select count(*) from x"));
        transaction.Commit();
        Assert.Equal(1L, reader.Scalar("select count(*) from x"));
    }

    [Fact]
    public void Connections_to_one_file_share_it_and_in_memory_ones_are_private()
    {
        using var database = new TestDatabase();
        using (var first = database.Open())
        using (var second = new DuckDbConnection($"Data Source={Path.Combine(database.Directory, ".", "test.duckdb")}"))
        {
            second.Open();
            first.Run("create table shared (i integer)");
            Assert.Equal(0L, second.Scalar("select count(*) from shared"));
            Assert.Equal("test", first.Database);
        }

        using var memoryA = Sql.OpenMemory();
        using var memoryB = Sql.OpenMemory();
        memoryA.Run("create table private (i integer)");
        Assert.Throws<DuckDbException>(() => memoryB.Scalar("select * from private"));

        using var namedA = new DuckDbConnection("Data Source=:memory:shared_by_name");
        using var namedB = new DuckDbConnection("Data Source=:memory:shared_by_name");
        namedA.Open();
        namedB.Open();
        namedA.Run("create table named (i integer)");
        Assert.Equal(0L, namedB.Scalar("select count(*) from named"));
    }

    [Fact]
    public void The_factory_creates_working_provider_objects()
    {
        var factory = DuckDbFactory.Instance;
        using var connection = factory.CreateConnection();
        connection.ConnectionString = "Data Source=:memory:";
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select $1";
        var parameter = factory.CreateParameter();
        parameter.Value = 11;
        command.Parameters.Add(parameter);
        Assert.Equal(11, command.ExecuteScalar());
        Assert.IsType<DuckDbConnectionStringBuilder>(factory.CreateConnectionStringBuilder());
    }
}
