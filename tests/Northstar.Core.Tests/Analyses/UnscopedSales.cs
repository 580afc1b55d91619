using Northstar.Core.Model;
using Northstar.Core.Tests.ModelLoading;

namespace Northstar.Core.Tests.Analyses;

/// <summary>The shipped model with a sales subject that declares no scope column: only unrestricted callers may read it.</summary>
public static class UnscopedSales
{
    public static SemanticModel Model { get; } = Build();

    private static SemanticModel Build()
    {
        var shipped = RepositoryModel.Model;
        var subjects = shipped.Subjects.ToDictionary(pair => pair.Key, pair => pair.Value);
        subjects["sales"] = subjects["sales"] with { Scope = new ScopeColumns(null, null) };
        return shipped with { Subjects = subjects };
    }
}
