using System.Security.Cryptography;
using System.Text;
using Northstar.Core.Model.Loading;

namespace Northstar.Server.Queries;

/// <summary>Reads <c>*.yaml</c> from the model folder and parses them together into the <see cref="LoadedModel"/>.</summary>
internal static class ModelLoader
{
    /// <exception cref="ModelLoadException">The files declare an invalid model (the inner
    /// <see cref="ModelValidationException"/> lists every problem), or the folder, its files or the company's time zone
    /// cannot be used.</exception>
    public static LoadedModel Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ModelLoadException($"The model folder {folder} does not exist (setting Northstar:Model:Path).");
        var paths = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
            throw new ModelLoadException($"The model folder {folder} holds no .yaml files (setting Northstar:Model:Path).");

        // Errors name files as model/sales.yaml: the folder's own name and the file, as in the repository.
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var files = paths.Select(path => new ModelFile($"{folderName}/{Path.GetFileName(path)}", File.ReadAllText(path))).ToList();
        var model = Parse(files);
        return new LoadedModel(model, Fingerprint(files), TimeZone(model.CompanyTimeZone));
    }

    private static Core.Model.SemanticModel Parse(IReadOnlyList<ModelFile> files)
    {
        try
        {
            return ModelParser.Parse(files);
        }
        catch (ModelValidationException invalid)
        {
            throw new ModelLoadException(
                $"The semantic model is invalid ({invalid.Errors.Count} problem(s)):" +
                string.Concat(invalid.Errors.Select(error => $"{Environment.NewLine}  - {error}")), invalid);
        }
    }

    private static string Fingerprint(IEnumerable<ModelFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static TimeZoneInfo TimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ModelLoadException($"The company's time zone \"{id}\" is not known on this machine (an IANA name such as America/New_York).", e);
        }
    }
}
