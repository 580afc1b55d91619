namespace Northstar.DuckDb.Tests;

/// <summary>The configuration the warehouse uses to keep SQL away from the file system and the network.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string Locked => string.Join(';',
        _database.ConnectionString,
        "enable_external_access=false",
        $"allowed_directories=[{_database.Directory}]",
        "autoinstall_known_extensions=false",
        "autoload_known_extensions=false",
        "lock_configuration=true");

    [Fact]
    public void A_CSV_inside_the_allowed_directory_can_be_read()
    {
        var csv = Path.Combine(_database.Directory, "in.csv");
        File.WriteAllText(csv, "a,b\n1,x\n2,y\n");
        using var connection = new DuckDbConnection(Locked);
        connection.Open();
        Assert.Equal(3m, connection.Scalar("select sum(a) from read_csv($1)", csv));
    }

    [Fact]
    public void Files_outside_the_allowed_directory_cannot_be_read()
    {
        using var connection = new DuckDbConnection(Locked);
        connection.Open();
        var error = Assert.Throws<DuckDbException>(() => connection.Scalar("select * from read_csv('/etc/passwd')"));
        Assert.Contains("/etc/passwd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_cannot_be_installed()
    {
        using var connection = new DuckDbConnection(Locked);
        connection.Open();
        Assert.Throws<DuckDbException>(() => connection.Run("INSTALL httpfs"));
    }

    [Fact]
    public void A_locked_configuration_cannot_be_changed_from_SQL()
    {
        using var connection = new DuckDbConnection(Locked);
        connection.Open();
        Assert.Throws<DuckDbException>(() => connection.Run("SET enable_external_access = true"));
        Assert.Equal(false, connection.Scalar("select current_setting('enable_external_access')"));
    }

    [Fact]
    public void Without_the_locks_the_same_file_would_be_readable()
    {
        using var connection = new DuckDbConnection(_database.ConnectionString);
        connection.Open();
        Assert.NotNull(connection.Scalar("select count(*) from read_csv('/etc/passwd', header = false, delim = '|')"));
    }

    [Fact]
    public void A_database_opened_read_only_refuses_writes()
    {
        using (var writer = _database.Open())
        {
            writer.Run("create table t (i integer)");
        }

        using var connection = new DuckDbConnection(_database.ConnectionString + ";access_mode=READ_ONLY;threads=1;memory_limit=256MB");
        connection.Open();
        Assert.Equal(0L, connection.Scalar("select count(*) from t"));
        Assert.Throws<DuckDbException>(() => connection.Run("insert into t values (1)"));
    }
}
