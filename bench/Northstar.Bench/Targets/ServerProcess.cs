using System.Diagnostics;
using System.Text.RegularExpressions;
using Northstar.Bench.Measuring;

namespace Northstar.Bench.Targets;

/// <summary>
/// The built server (<c>dotnet Northstar.Server.dll serve</c>, or another verb) as a process of its own on a free
/// loopback port, with the embedded DuckDB in a temporary folder deleted when it stops unless a data folder is given.
/// Settings come from the arguments only.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly string _folder;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _awaited = [];

    private ServerProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.Exited += (_, _) => _listening.TrySetException(new BenchSetupException(
            $"The server exited ({process.ExitCode}) before listening:\n{Log}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The processor time the server has used so far, on every core: what its work costs, whatever else runs.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server built next to the harness: <c>&lt;artifacts&gt;/bin/Northstar.Server/release/Northstar.Server.dll</c>.</summary>
    public static string DefaultPath => Path.GetFullPath(
        Path.Combine(AppContext.BaseDirectory, "..", "..", "Northstar.Server", "release", "Northstar.Server.dll"));

    public static Task<ServerProcess> StartAsync(string serverDll, IReadOnlyList<string> settings, CancellationToken cancellationToken) =>
        StartAsync(serverDll, ["serve"], settings, dataDirectory: null, StartDeadline, cancellationToken);

    /// <summary>
    /// Starts the server with a verb of its own (<c>demo --days 365</c>), the data folder <paramref name="dataDirectory"/>
    /// (null: a temporary one), waiting up to <paramref name="deadline"/> for it to listen (the demo verb loads first).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string serverDll, IReadOnlyList<string> verb, IReadOnlyList<string> settings, string? dataDirectory, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(serverDll))
        {
            throw new BenchSetupException(
                $"The server is not built at {serverDll}. Build it with `dotnet build -c Release src/Northstar.Server` "
                + "(with the same NORTHSTAR_ARTIFACTS_PATH as the harness), or pass --server <path to Northstar.Server.dll>.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "northstar-bench-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var word in verb)
        {
            start.ArgumentList.Add(word);
        }

        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--Northstar:Database:DataDirectory={dataDirectory ?? Path.Combine(folder, "data")}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("Northstar__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new BenchSetupException("dotnet could not be started."), folder);
        try
        {
            server.Address = await server._listening.Task.WaitAsync(deadline, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        Progress.Line($"server: listening on {server.Address}, data in {folder}");
        return server;
    }

    /// <summary>The server's process id (to read its memory from <c>/proc</c>).</summary>
    public int Id => _process.Id;

    /// <summary>What the server wrote so far (standard output and error), for a report of why a run failed.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>The first line the server writes (or wrote) that contains <paramref name="text"/>, waiting up to <paramref name="deadline"/>.</summary>
    public Task<string> LineAsync(string text, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_log)
        {
            if (_log.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } written)
                return Task.FromResult(written);
            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(deadline, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
        Progress.Line($"server: stopped, deleted {_folder}");
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
            foreach (var (text, seen) in _awaited.Where(awaited => line.Contains(awaited.Text, StringComparison.Ordinal)))
                seen.TrySetResult(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
