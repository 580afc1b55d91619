using System.Text.Json;
using System.Text.Json.Serialization;

namespace Northstar.Ingest.Square;

/// <summary>The JSON conventions of Square's API: snake_case names, RFC 3339 instants.</summary>
internal static class SquareJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
