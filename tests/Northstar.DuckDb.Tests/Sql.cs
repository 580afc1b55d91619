namespace Northstar.DuckDb.Tests;

/// <summary>Small helpers for running SQL in tests.</summary>
internal static class Sql
{
    public static DuckDbConnection OpenMemory()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static int Run(this DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    public static T Field<T>(this DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return reader.GetFieldValue<T>(0);
    }

    public static DuckDbCommand Command(DuckDbConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as DuckDbParameter ?? new DuckDbParameter(parameter));
        }

        return command;
    }
}
