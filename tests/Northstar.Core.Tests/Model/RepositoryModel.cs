using System.Runtime.CompilerServices;
using Northstar.Core.Model;
using Northstar.Core.Model.Loading;

namespace Northstar.Core.Tests.ModelLoading;

/// <summary>
/// The shipped model, read from the repository's model/ folder, found by walking up to Northstar.slnx from this source
/// file (build output may live outside the repository: NORTHSTAR_ARTIFACTS_PATH) or else from the test binaries.
/// </summary>
public static class RepositoryModel
{
    private static readonly Lazy<SemanticModel> Loaded = new(() => ModelParser.Parse(Files()));

    /// <summary>The shipped model, parsed once.</summary>
    public static SemanticModel Model => Loaded.Value;

    /// <summary>The model files, with paths relative to the repository (model/sales.yaml).</summary>
    public static IReadOnlyList<ModelFile> Files()
    {
        var folder = Path.Combine(RepositoryRoot(), "model");
        return [.. Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ModelFile("model/" + Path.GetFileName(path), File.ReadAllText(path)))];
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
