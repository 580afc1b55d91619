using System.Text.Json;
using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

/// <summary>Helpers to write specs and compile them against <see cref="TestModel"/>.</summary>
public static class Specs
{
    public static readonly SemanticModel Model = TestModel.Build();

    public static readonly DateOnly Today = new(2025, 3, 15);

    public static QuerySpec Parse(string json) => JsonSerializer.Deserialize<QuerySpec>(json, Options)!;

    public static CompiledQuery Compile(string json, QueryScope? scope = null, SqlDialect dialect = SqlDialect.DuckDb,
                                        DateOnly? today = null, int maxRows = 1000) =>
        QueryCompiler.Compile(Model, Parse(json), scope ?? QueryScope.Unrestricted,
                              new CompileContext(dialect, today ?? Today, maxRows));

    public static IReadOnlyList<QueryError> Errors(string json, QueryScope? scope = null) =>
        Assert.Throws<QueryValidationException>(() => Compile(json, scope)).Errors;

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
