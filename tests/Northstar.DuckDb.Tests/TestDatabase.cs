namespace Northstar.DuckDb.Tests;

/// <summary>A temporary folder holding one test's database file(s), deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ns-duckdb-").FullName;
        Path = System.IO.Path.Combine(Directory, "test.duckdb");
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public DuckDbConnection Open(string extra = "")
    {
        var connection = new DuckDbConnection(ConnectionString + (extra.Length > 0 ? ";" + extra : ""));
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A database still open elsewhere in a failing test; the temp folder is cleaned by the OS.
        }
    }
}
