using System.Text.Json;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Core.Tests.ModelLoading;

namespace Northstar.Core.Tests.Analyses;

/// <summary>Helpers to compile analysis specs (JSON, as the API takes them) against the shipped model.</summary>
public static class AnalysisSpecs
{
    public static readonly DateOnly Today = new(2025, 5, 20);

    public static CompiledQuery Compile(string json, QueryScope? scope = null, SqlDialect dialect = SqlDialect.DuckDb,
                                        bool useRollups = true) =>
        QueryCompiler.Compile(RepositoryModel.Model, Parse(json), scope ?? QueryScope.Unrestricted,
                              new CompileContext(dialect, Today) { UseRollups = useRollups });

    public static IReadOnlyList<QueryError> Errors(string json, QueryScope? scope = null) =>
        Assert.Throws<QueryValidationException>(() => Compile(json, scope)).Errors;

    private static QuerySpec Parse(string json) =>
        JsonSerializer.Deserialize<QuerySpec>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
