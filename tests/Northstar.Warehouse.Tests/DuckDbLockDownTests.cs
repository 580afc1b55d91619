using Dapper;
using Northstar.DuckDb;
using Northstar.Warehouse.Tests.Support;

namespace Northstar.Warehouse.Tests;

public sealed class DuckDbLockDownTests
{
    [Fact]
    public async Task A_query_cannot_read_a_file_outside_the_data_folder()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await using var connection = await warehouse.OpenReadConnectionAsync();

        var error = await Assert.ThrowsAsync<DuckDbException>(() => connection.ExecuteScalarAsync<long>("select count(*) from read_csv('/etc/passwd')"));

        Assert.Contains("/etc/passwd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_can_read_a_csv_file_inside_the_data_folder()
    {
        using var folder = new TempDirectory();
        var csv = Path.Combine(folder.Path, "branches.csv");
        await File.WriteAllTextAsync(csv, "branch,revenue\nnorth,10.50\nsouth,4.25\n");
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await using var connection = await warehouse.OpenReadConnectionAsync();

        var total = await connection.ExecuteScalarAsync<decimal>($"select cast(sum(revenue) as decimal(18,2)) from read_csv('{csv}')");

        Assert.Equal(14.75m, total);
    }

    [Fact]
    public async Task A_sibling_folder_that_shares_the_data_folder_prefix_stays_out_of_reach()
    {
        using var folder = new TempDirectory();
        var sibling = folder.Path + "-sibling";
        Directory.CreateDirectory(sibling);
        try
        {
            var csv = Path.Combine(sibling, "secret.csv");
            await File.WriteAllTextAsync(csv, "a\n1\n");
            await using var warehouse = TestWarehouses.DuckDb(folder.Path);
            await using var connection = await warehouse.OpenReadConnectionAsync();

            await Assert.ThrowsAsync<DuckDbException>(() => connection.ExecuteScalarAsync<long>($"select count(*) from read_csv('{csv}')"));
        }
        finally
        {
            Directory.Delete(sibling, recursive: true);
        }
    }

    [Fact]
    public async Task A_query_cannot_unlock_the_configuration_or_load_extensions()
    {
        using var folder = new TempDirectory();
        await using var warehouse = TestWarehouses.DuckDb(folder.Path);
        await using var connection = await warehouse.OpenWriteConnectionAsync();

        await Assert.ThrowsAsync<DuckDbException>(() => connection.ExecuteAsync("set enable_external_access = true"));
        await Assert.ThrowsAsync<DuckDbException>(() => connection.ExecuteAsync("install httpfs"));
        await Assert.ThrowsAsync<DuckDbException>(() => connection.ExecuteAsync($"copy (select 1) to '{Path.Combine(Path.GetTempPath(), "ns-escape.csv")}'"));
    }

    [Fact]
    public async Task The_data_folder_is_created_and_holds_the_database_file()
    {
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "nested", "data");

        await using (var warehouse = TestWarehouses.DuckDb(data))
            await warehouse.MigrateAsync();

        Assert.True(File.Exists(Path.Combine(data, "northstar.duckdb")));
    }
}
