namespace Northstar.DuckDb.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Eight_threads_with_their_own_connections_read_and_write_one_file_correctly()
    {
        using var database = new TestDatabase();
        using (var setup = database.Open())
        {
            setup.Run("create table events (worker integer, n integer)");
        }

        const int Workers = 8;
        const int RowsPerWorker = 200;
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(() =>
        {
            using var connection = database.Open();
            for (var n = 0; n < RowsPerWorker; n++)
            {
                connection.Run("insert into events values ($1, $2)", worker, n);
                var mine = (long)connection.Scalar("select count(*) from events where worker = $1", worker)!;
                Assert.Equal(n + 1, mine);
            }

            return (decimal)connection.Scalar("select sum(n) from events where worker = $1", worker)!;
        })).ToArray();

        var sums = await Task.WhenAll(workers);
        Assert.All(sums, sum => Assert.Equal(RowsPerWorker * (RowsPerWorker - 1) / 2, sum));
        using var check = database.Open();
        Assert.Equal((long)Workers * RowsPerWorker, check.Scalar("select count(*) from events"));
    }

    [Fact]
    public async Task A_data_source_hands_out_connections_to_many_threads_at_once()
    {
        using var database = new TestDatabase();
        await using var dataSource = DuckDbDataSource.Create(database.ConnectionString + ";threads=2");
        await using (var setup = await dataSource.OpenConnectionAsync())
        {
            setup.Run("create table t as select i from range(100000) t(i)");
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return (decimal)connection.Scalar("select sum(i) + $1 from t", i)!;
        })));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 4999950000m + i), results);
    }
}
