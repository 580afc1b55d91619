namespace Northstar.DuckDb.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("selec 1", DuckDbErrorType.Parser, "syntax error")]
    [InlineData("select * from missing_table", DuckDbErrorType.Catalog, "missing_table")]
    [InlineData("select 'abc'::integer", DuckDbErrorType.Conversion, "abc")]
    [InlineData("select no_such_column from (select 1 as a)", DuckDbErrorType.Binder, "no_such_column")]
    public void Errors_carry_DuckDBs_message_and_error_type(string sql, DuckDbErrorType type, string messagePart)
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Run(sql));
        Assert.Equal(type, error.ErrorType);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void A_constraint_violation_is_a_constraint_error_and_the_connection_stays_usable()
    {
        _connection.Run("create table t (id integer primary key, name varchar not null)");
        _connection.Run("insert into t values (1, 'a')");
        var duplicate = Assert.Throws<DuckDbException>(() => _connection.Run("insert into t values (1, 'b')"));
        Assert.Equal(DuckDbErrorType.Constraint, duplicate.ErrorType);
        Assert.Contains("Duplicate key", duplicate.Message, StringComparison.OrdinalIgnoreCase);
        var notNull = Assert.Throws<DuckDbException>(() => _connection.Run("insert into t values (2, null)"));
        Assert.Equal(DuckDbErrorType.Constraint, notNull.ErrorType);
        Assert.Equal(1L, _connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void An_error_raised_while_streaming_rows_surfaces_from_Read()
    {
        using var command = Sql.Command(_connection, "select case when i < 5000 then i::varchar else 'x' end::integer from range(10000) t(i)");
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        });
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Equal(1, _connection.Scalar("select 1"));
    }

    [Fact]
    public void An_invalid_configuration_option_fails_the_open_naming_the_option()
    {
        var unknown = Assert.Throws<DuckDbException>(() => new DuckDbConnection("Data Source=:memory:;no_such_option=1").Open());
        Assert.Contains("no_such_option", unknown.Message, StringComparison.Ordinal);
        var badValue = Assert.Throws<DuckDbException>(() => DuckDbDataSource.Create("Data Source=:memory:;threads=lots"));
        Assert.Contains("threads", badValue.Message, StringComparison.Ordinal);
    }
}
