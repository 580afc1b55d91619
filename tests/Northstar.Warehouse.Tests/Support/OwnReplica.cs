using System.Diagnostics;
using Npgsql;
using Northstar.Testing;

namespace Northstar.Warehouse.Tests.Support;

/// <summary>
/// A streaming replica of the shared primary that a test may stop or pause: cloned with pg_basebackup -R into a
/// temp folder owned by postgres and started with pg_ctl on a free port. Stopped and removed on dispose.
/// </summary>
public sealed class OwnReplica : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _primaryConnectionString;
    private bool _running;

    private OwnReplica(string bin, string folder, int port, string primaryConnectionString)
    {
        _bin = bin;
        _folder = folder;
        _primaryConnectionString = new NpgsqlConnectionStringBuilder(primaryConnectionString) { Pooling = false }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(primaryConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
    }

    /// <summary>The replica's connection string (same user and database as the primary's).</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<OwnReplica> StartAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(TestServices.Require(TestServices.PostgresPrimary, "NORTHSTAR_TEST_PG"));
        var bin = TestServices.Require(TestServices.PostgresBin, "NORTHSTAR_TEST_PG_BIN");
        var folder = Path.Combine(Path.GetTempPath(), $"ns-replica-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:postgres", folder);
        var replica = new OwnReplica(bin, folder, FreePort.Next(), primary.ConnectionString);
        try
        {
            await replica.AsPostgresAsync("pg_basebackup", "-h", primary.Host!, "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", primary.Username ?? "postgres", "-D", replica.DataFolder, "-R", "-X", "stream", "-c", "fast");
            await replica.StartServerAsync();
            return replica;
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are cut).</summary>
    public async Task StopAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");
        _running = false;
    }

    /// <summary>Pauses WAL replay: the replica stays up but falls behind.</summary>
    /// <remarks>
    /// A pause asked for while the replica idles waiting for WAL takes effect only at the next record it reads, and
    /// that record may still be applied; so the primary is nudged with WAL records of no consequence until the replica
    /// says it is paused. Writes made after this returns are not replayed.
    /// </remarks>
    public async Task PauseReplayAsync()
    {
        await ExecuteAsync("select pg_wal_replay_pause()");
        var paused = await Eventually.HoldsAsync(async () =>
        {
            await using (var primary = new NpgsqlConnection(_primaryConnectionString))
            {
                await primary.OpenAsync();
                await using var nudge = new NpgsqlCommand("select pg_logical_emit_message(false, 'northstar-test', 'nudge')", primary);
                await nudge.ExecuteNonQueryAsync();
            }

            return await ScalarAsync("select pg_get_wal_replay_pause_state()") == "paused";
        });
        if (!paused)
            throw new InvalidOperationException("The replica never reported its replay paused.");
    }

    /// <summary>Resumes WAL replay.</summary>
    public Task ResumeReplayAsync() => ExecuteAsync("select pg_wal_replay_resume()");

    public async ValueTask DisposeAsync()
    {
        if (_running)
            await AsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartServerAsync()
    {
        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port;
        await AsPostgresAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1", "start");
        _running = true;
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // PostgreSQL refuses to run as root; when the tests run as root the tools run as postgres.
    private Task AsPostgresAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
