namespace Northstar.DuckDb.Tests;

/// <summary>Using anything after it is disposed must throw a .NET exception, never touch freed native memory.</summary>
public sealed class DisposalTests
{
    [Fact]
    public void A_disposed_reader_throws_on_every_use()
    {
        using var connection = Sql.OpenMemory();
        using var command = Sql.Command(connection, "select i from range(5000) t(i)");
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        reader.Dispose();
        Assert.True(reader.IsClosed);
        Assert.Throws<InvalidOperationException>(() => reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetInt64(0));
        Assert.Throws<InvalidOperationException>(() => reader.NextResult());
        Assert.Throws<InvalidOperationException>(() => reader.FieldCount);
        reader.Dispose();
        Assert.Equal(1, connection.Scalar("select 1"));
    }

    [Fact]
    public void Disposing_the_connection_mid_stream_closes_the_reader()
    {
        var connection = Sql.OpenMemory();
        using var command = Sql.Command(connection, "select i, i::varchar from range(100000) t(i)");
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("0", reader.GetString(1));
        connection.Dispose();
        Assert.True(reader.IsClosed);
        Assert.Throws<InvalidOperationException>(() => reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetString(1));
        reader.Dispose();
    }

    [Fact]
    public void A_disposed_connection_and_its_command_throw_on_use()
    {
        var connection = Sql.OpenMemory();
        var command = Sql.Command(connection, "select 1");
        command.Prepare();
        connection.Dispose();
        Assert.Throws<ObjectDisposedException>(() => command.ExecuteScalar());
        Assert.Throws<ObjectDisposedException>(connection.Open);
        Assert.Throws<ObjectDisposedException>(() => connection.CreateAppender("t"));
        command.Dispose();
        command.Dispose();
    }

    [Fact]
    public void A_closed_connection_can_be_reopened_and_a_prepared_command_prepares_again()
    {
        using var database = new TestDatabase();
        using var connection = new DuckDbConnection(database.ConnectionString);
        connection.Open();
        connection.Run("create table t (i integer); insert into t values (7)");
        using var command = Sql.Command(connection, "select i from t");
        command.Prepare();
        connection.Close();
        Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        connection.Open();
        Assert.Equal(7, command.ExecuteScalar());
    }

    [Fact]
    public void A_disposed_appender_throws_and_closing_its_connection_closes_it()
    {
        var connection = Sql.OpenMemory();
        connection.Run("create table t (i integer)");
        var appender = connection.CreateAppender("t");
        appender.Append(1).EndRow();
        appender.Dispose();
        Assert.Throws<ObjectDisposedException>(() => appender.Append(2));
        Assert.Throws<ObjectDisposedException>(() => appender.EndRow());
        Assert.Equal(1L, connection.Scalar("select count(*) from t"));

        var open = connection.CreateAppender("t");
        open.Append(2);
        connection.Dispose();
        Assert.Throws<ObjectDisposedException>(() => open.Append(3));
        open.Dispose();
    }

    [Fact]
    public void Disposing_the_data_source_while_a_connection_reads_fails_the_connection_cleanly()
    {
        using var database = new TestDatabase();
        var dataSource = DuckDbDataSource.Create(database.ConnectionString);
        var connection = dataSource.OpenConnection();
        using var command = Sql.Command(connection, "select i from range(100000) t(i)");
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        dataSource.Dispose();
        Assert.True(reader.Read());
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => connection.Scalar("select 1"));
        Assert.Throws<ObjectDisposedException>(dataSource.OpenConnection);
        connection.Dispose();

        // Every owner has let go, so the file is closed and a new owner can open it.
        using var again = database.Open();
        Assert.Equal(1, again.Scalar("select 1"));
    }

    [Fact]
    public void Native_objects_left_to_the_finalizer_are_released_without_crashing()
    {
        static void Leak()
        {
            var connection = Sql.OpenMemory();
            var command = Sql.Command(connection, "select i from range(100000) t(i)");
            var reader = command.ExecuteReader();
            reader.Read();
        }

        for (var i = 0; i < 20; i++)
        {
            Leak();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var connection = Sql.OpenMemory();
        Assert.Equal(1, connection.Scalar("select 1"));
    }
}
