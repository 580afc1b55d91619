using Northstar.Core;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Server.Dashboards;
using Northstar.Server.Queries;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>
/// A <c>dashboards</c> folder of a test's own (in a temp folder) holding the YAML files the test writes, loaded with
/// the shipped semantic model and the real compiler for an unrestricted scope.
/// </summary>
public sealed class DashboardFolder : IDisposable
{
    private static readonly Lazy<LoadedModel> Model = new(() => ModelLoader.Load(System.IO.Path.Combine(AppContext.BaseDirectory, "model")));

    private readonly TempFolder _temp = new();

    public DashboardFolder() => Directory.CreateDirectory(Path);

    /// <summary>The folder, named <c>dashboards</c> as in the repository, so errors name files as dashboards/x.yaml.</summary>
    public string Path => System.IO.Path.Combine(_temp.Path, "dashboards");

    /// <summary>The shipped dashboards, as the build copies them next to the assemblies.</summary>
    public static string Shipped => System.IO.Path.Combine(AppContext.BaseDirectory, "dashboards");

    /// <summary>Writes <paramref name="yaml"/> as <c>&lt;id&gt;.yaml</c>; returns this folder.</summary>
    public DashboardFolder With(string id, string yaml)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, $"{id}.yaml"), yaml);
        return this;
    }

    /// <summary>Loads the folder as the server does at start-up.</summary>
    internal LoadedDashboards Load() => Load(Path);

    /// <summary>Loads <paramref name="folder"/> with the shipped model.</summary>
    internal static LoadedDashboards Load(string folder) => DashboardLoader.Load(folder, spec => QueryCompiler.Compile(
        Model.Value.Model, spec, QueryScope.Unrestricted, new CompileContext(SqlDialect.DuckDb, DateOnly.FromDateTime(DateTime.UtcNow))));

    /// <summary>The problems loading the folder reports (asserting that it fails).</summary>
    public IReadOnlyList<string> Problems()
    {
        var failure = Assert.Throws<DashboardLoadException>(() => Load());
        return failure.Problems;
    }

    public void Dispose() => _temp.Dispose();
}
