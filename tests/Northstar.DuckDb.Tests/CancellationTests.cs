namespace Northstar.DuckDb.Tests;

/// <summary>A query far too long to finish (hours) must stop when asked; the tests pass only if it does.</summary>
public sealed class CancellationTests : IDisposable
{
    private const string EndlessQuery = "select count(*) from range(1000000000000) t(i) where i % 7 = 3";
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task A_cancelled_token_stops_a_long_query_with_OperationCanceledException()
    {
        using var command = Sql.Command(_connection, EndlessQuery);
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteScalarAsync(cancellation.Token));
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(42, _connection.Scalar("select 42"));
    }

    [Fact]
    public async Task Cancel_stops_a_long_query_with_an_interrupt_error()
    {
        using var command = Sql.Command(_connection, EndlessQuery);
        var running = Task.Run(command.ExecuteScalar);
        await CancelUntilDone(command, running);
        var error = await Assert.ThrowsAsync<DuckDbException>(() => running);
        Assert.Equal(DuckDbErrorType.Interrupt, error.ErrorType);
        Assert.Equal(42, _connection.Scalar("select 42"));
    }

    [Fact]
    public void The_command_timeout_interrupts_a_long_query()
    {
        using var command = Sql.Command(_connection, EndlessQuery);
        command.CommandTimeout = 1;
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(42, _connection.Scalar("select 42"));
    }

    [Fact]
    public void An_interrupt_while_nothing_runs_does_not_stop_the_next_query()
    {
        _connection.Interrupt();
        using var command = Sql.Command(_connection, "select 42");
        command.Cancel();
        Assert.Equal(42, command.ExecuteScalar());
    }

    [Fact]
    public async Task An_already_cancelled_token_never_starts_the_command()
    {
        _connection.Run("create table t (i integer)");
        using var command = Sql.Command(_connection, "insert into t values (1)");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteNonQueryAsync(new CancellationToken(canceled: true)));
        Assert.Equal(0L, _connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_streaming_reader_mid_result()
    {
        using var command = Sql.Command(_connection, "select i from range(1000000000000) t(i) where i % 1000 = 0");
        using var cancellation = new CancellationTokenSource();
        await using var reader = await command.ExecuteReaderAsync(cancellation.Token);
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await reader.ReadAsync(CancellationToken.None))
            {
            }
        });
    }

    /// <summary>
    /// Cancel() only stops a command that is running, so it is repeated until the command has started and stopped;
    /// the query never ends by itself, so the command finishing at all proves the cancellation worked.
    /// </summary>
    private static async Task CancelUntilDone(DuckDbCommand command, Task running)
    {
        while (!running.IsCompleted)
        {
            command.Cancel();
            await Task.WhenAny(running, Task.Delay(50));
        }
    }
}
