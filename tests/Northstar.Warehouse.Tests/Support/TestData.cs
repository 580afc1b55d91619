using System.Data.Common;
using System.Runtime.CompilerServices;
using Northstar.Core.Model.Loading;

namespace Northstar.Warehouse.Tests.Support;

/// <summary>Rows written by the tests' own SQL, and the repository's shipped model.</summary>
internal static class TestData
{
    /// <summary>Runs <paramref name="sql"/> once per row, the row's values bound to <c>$1..$n</c>.</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql, params object?[][] rows)
    {
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var value in row)
            {
                var parameter = command.CreateParameter();
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The files of <c>model/</c> of this checkout (found by walking up to Northstar.slnx from this source file).</summary>
    public static IEnumerable<ModelFile> ShippedModelFiles([CallerFilePath] string sourceFile = "")
    {
        var root = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (!File.Exists(Path.Combine(root.FullName, "Northstar.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException($"Northstar.slnx not found above {sourceFile}");
        }

        return Directory.GetFiles(Path.Combine(root.FullName, "model"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ModelFile("model/" + Path.GetFileName(path), File.ReadAllText(path)));
    }
}
