using System.Reflection;
using Northstar.Core.Model;
using Northstar.Core.Model.Loading;

namespace Northstar.Bench.Suites.Query;

/// <summary>The semantic model of the repository (model/*.yaml), found by walking up to Northstar.slnx.</summary>
internal static class RepositoryModel
{
    private const string SolutionFile = "Northstar.slnx";

    public static SemanticModel Load()
    {
        var folder = Path.Combine(Root(), "model");
        var files = Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ModelFile($"model/{Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();
        return ModelParser.Parse(files);
    }

    // From the working directory first; else from the checkout that built the harness (its binaries may be anywhere).
    private static string Root()
    {
        var stamped = typeof(RepositoryModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { Environment.CurrentDirectory, stamped }.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {Environment.CurrentDirectory}: run the harness inside the checkout.");
    }
}
