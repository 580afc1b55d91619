using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Northstar.Bench.Reporting;

/// <summary>The Markdown report of one invocation: the conditions of the run, then one table per suite.</summary>
internal static class BenchReport
{
#if DEBUG
    private const string BuildConfiguration = "Debug (figures not meaningful: run with -c Release)";
#else
    private const string BuildConfiguration = "Release";
#endif

    public static string Render(
        BenchSettings settings, IReadOnlyList<string> engines, IReadOnlyList<string> engineTimeSources, IEnumerable<ResultTable> tables)
    {
        var now = DateTimeOffset.UtcNow;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var markdown = new StringBuilder();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"# Northstar benchmarks: {settings.Suite.ToString().ToLowerInvariant()}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Date: {now:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- Machine: {Environment.ProcessorCount} logical cores, {memory:N1} GiB, {RuntimeInformation.OSDescription} "
                + $"{RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Engines: {string.Join("; ", engines)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Engine time: {string.Join("; ", engineTimeSources)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- {settings.Conditions}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Build: {BuildConfiguration}")
            .AppendLine();
        foreach (var table in tables)
        {
            table.Render(markdown);
        }

        return markdown.ToString();
    }

    /// <summary>Writes the report to <c>bench/results/&lt;engine&gt;-&lt;suite&gt;-&lt;stamp&gt;.md</c> and returns its path.</summary>
    public static string Write(BenchSettings settings, string report)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{settings.EngineName}-{settings.Suite.ToString().ToLowerInvariant()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, report);
        return path;
    }

    // Stamped at build time (see the csproj): the binaries live under the artifacts folder, which may be anywhere.
    private static string RepositoryRoot() =>
        typeof(BenchReport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The harness was built without its RepositoryRoot metadata; build it with dotnet build.");
}
