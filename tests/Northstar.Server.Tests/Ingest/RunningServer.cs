using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Northstar.Server.Tests.Ingest;

/// <summary>
/// The built server (Northstar.Server.dll) running as a process of its own on a free loopback port, with its log
/// lines collected, so a test can send it real HTTP and kill it without warning.
/// </summary>
public sealed partial class RunningServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private RunningServer(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Starts <c>northstar serve</c> in <paramref name="workingDirectory"/> and waits until it listens.</summary>
    public static Task<RunningServer> StartAsync(string workingDirectory, params string[] settings) =>
        StartVerbAsync(workingDirectory, "serve", settings);

    /// <summary>Starts a serving verb (<c>serve</c>, <c>demo</c>) on a free port and waits until it listens.</summary>
    public static async Task<RunningServer> StartVerbAsync(string workingDirectory, string verb, params string[] settings)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Northstar.Server.dll"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var setting in settings)
            start.ArgumentList.Add(setting);
        // Settings come from the arguments only, whatever the environment of the test run holds.
        var inherited = start.Environment.Keys.Where(key => key.StartsWith("Northstar__", StringComparison.OrdinalIgnoreCase));
        foreach (var variable in inherited.ToList())
            start.Environment.Remove(variable);

        var server = new RunningServer(Process.Start(start)!);
        var listening = await server.WaitForLineAsync(ListeningLine(), StartDeadline);
        server.Address = new Uri(ListeningLine().Match(listening).Groups["url"].Value);
        return server;
    }

    /// <summary>Waits for a log line matching <paramref name="pattern"/>, printed already or to come, failing after a deadline.</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var seen = 0;
        while (true)
        {
            var lines = _lines.ToArray();
            for (; seen < lines.Length; seen++)
            {
                if (pattern.IsMatch(lines[seen]))
                    return lines[seen];
            }

            if (_process.HasExited && _lines.Count == lines.Length)
                Assert.Fail($"The server exited ({_process.ExitCode}) before logging /{pattern}/:\n{Log}");
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromSeconds(1), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The server did not log /{pattern}/ within {deadline.TotalSeconds} s:\n{Log}");
            }
        }
    }

    /// <summary>Everything the server printed so far.</summary>
    public string Log => string.Join('\n', _lines);

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
            return;
        _lines.Enqueue(line);
        _lineArrived.Release();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
