using Northstar.Core.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>Reads <c>*.yaml</c> from the dashboards folder and validates every file, tile and spec.</summary>
internal static class DashboardLoader
{
    /// <summary>The dashboards of <paramref name="folder"/> (none when it holds no <c>.yaml</c> file).</summary>
    /// <param name="folder">The folder (setting <c>Northstar:Dashboards:Path</c>).</param>
    /// <param name="compile">Compiles a spec as the query path does, for an unrestricted scope (see <see cref="DashboardValidator"/>).</param>
    /// <exception cref="DashboardLoadException">The folder does not exist, or a file has problems: the message lists
    /// every problem of every file, each naming the file and the path in it.</exception>
    public static LoadedDashboards Load(string folder, Action<QuerySpec> compile)
    {
        if (!Directory.Exists(folder))
            throw new DashboardLoadException($"The dashboards folder {folder} does not exist (setting Northstar:Dashboards:Path).");

        // Errors name files as dashboards/sales.yaml: the folder's own name and the file, as in the repository.
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var errors = new List<DashboardError>();
        var dashboards = new List<DashboardDefinition>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = $"{folderName}/{Path.GetFileName(path)}";
            var parsed = DashboardReader.Read(Path.GetFileNameWithoutExtension(path), file, File.ReadAllText(path), errors);
            if (parsed is not null && DashboardValidator.Validate(parsed, compile, errors) is { } dashboard)
                dashboards.Add(dashboard);
        }

        if (errors.Count > 0)
        {
            var problems = errors.Select(error => error.ToString()).ToList();
            throw new DashboardLoadException(
                $"The dashboards are invalid ({problems.Count} problem(s)):" +
                string.Concat(problems.Select(problem => $"{Environment.NewLine}  - {problem}")))
            {
                Problems = problems,
            };
        }

        return new LoadedDashboards(dashboards);
    }
}
