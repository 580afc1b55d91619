using System.Diagnostics;

namespace Northstar.Server.Tests.Support;

/// <summary>
/// Runs the built server (Northstar.Server.dll, copied next to the tests with its runtimeconfig) as a process
/// with <c>dotnet</c>, the way a user runs a verb, and collects what it printed.
/// </summary>
public static class ServerProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Northstar.Server.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Settings come from the arguments only, whatever the environment of the test run holds.
        var inherited = start.Environment.Keys.Where(key => key.StartsWith("Northstar__", StringComparison.OrdinalIgnoreCase));
        foreach (var variable in inherited.ToList())
            start.Environment.Remove(variable);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"northstar {string.Join(' ', arguments)} did not exit within 2 minutes.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host running these tests (the SDK exports it), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
