using System.Runtime.CompilerServices;
using Northstar.Core.Model;
using Northstar.Core.Model.Loading;

namespace Northstar.Ingest.Tests.Rollups;

/// <summary>The shipped model, read from the repository's model/ folder (found by walking up to Northstar.slnx).</summary>
public static class ShippedModel
{
    private static readonly Lazy<SemanticModel> Loaded = new(Load);

    public static SemanticModel Model => Loaded.Value;

    private static SemanticModel Load()
    {
        var folder = Path.Combine(RepositoryRoot(), "model");
        return ModelParser.Parse(Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ModelFile("model/" + Path.GetFileName(path), File.ReadAllText(path))));
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Northstar.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Northstar.slnx not found above {sourceFile} nor {AppContext.BaseDirectory}");
    }
}
