using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Northstar.Warehouse.Migrations;

/// <summary>Reads the migrations embedded in this assembly (<c>Migrations/&lt;engine&gt;/NNNN_name.sql</c>).</summary>
internal static partial class MigrationSource
{
    private const string ResourcePrefix = "Northstar.Warehouse.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> DuckDb = new(() => Load("duckdb"));
    private static readonly Lazy<IReadOnlyList<Migration>> Postgres = new(() => Load("postgres"));

    /// <summary>The migrations of <paramref name="engine"/>, in version order.</summary>
    public static IReadOnlyList<Migration> For(EngineKind engine) =>
        engine == EngineKind.DuckDb ? DuckDb.Value : Postgres.Value;

    /// <summary>The checksum recorded for a migration: SHA-256 of its text with LF line endings, so a CRLF checkout matches.</summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    private static List<Migration> Load(string folder)
    {
        var assembly = typeof(MigrationSource).Assembly;
        var prefix = $"{ResourcePrefix}{folder}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var fileName = resource[prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
                throw new InvalidOperationException($"Migration file {folder}/{fileName} is not named NNNN_name.sql.");
            var sql = Read(assembly, resource);
            migrations.Add(new Migration(match.Groups["version"].Value, match.Groups["name"].Value, sql, Checksum(sql)));
        }

        migrations.Sort((a, b) => string.CompareOrdinal(a.Version, b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
                throw new InvalidOperationException($"Two {folder} migrations have version {migrations[i].Version}.");
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
