using Northstar.Warehouse;

namespace Northstar.Server.Apis;

/// <summary>The engines' names as their makers write them, for people to read.</summary>
internal static class EngineNames
{
    public static string Of(EngineKind engine) => engine switch
    {
        EngineKind.DuckDb => "DuckDB",
        EngineKind.PostgreSql => "PostgreSQL",
        _ => engine.ToString(),
    };
}
