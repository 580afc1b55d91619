using System.Text.Json;
using System.Text.Json.Serialization;

namespace Northstar.Ingest.Wire;

/// <summary>
/// The JSON conventions of every wire format: snake_case names, ISO 8601 instants with an offset
/// (<c>2026-03-01T14:05:00-05:00</c>), dates as <c>yyyy-MM-dd</c>, money as decimal numbers in major units
/// (<c>12.50</c>), enumerations as snake_case strings. Unknown fields are ignored, so sources may send more.
/// </summary>
public static class WireFormat
{
    /// <summary>The serializer options for reading and writing wire events.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

/// <summary>What every event carries: the source's id of the record and when the source last changed it.</summary>
public interface IWireEvent
{
    /// <summary>The source's identifier of the record (an order number, a lead id...). Required.</summary>
    string Id { get; }

    /// <summary>When the source last changed the record; a delivery older than what is stored is not applied. Required.</summary>
    DateTimeOffset UpdatedAt { get; }
}
