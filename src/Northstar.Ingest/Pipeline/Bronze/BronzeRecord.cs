using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// One valid event as bronze stores it. The payload is compact JSON (the received fields and values, whitespace
/// removed), so the same content always hashes the same.
/// </summary>
internal sealed record BronzeRecord(string Source, string Entity, string ExternalId, string IdempotencyKey, string ContentHash, string Payload)
{
    public static BronzeRecord Create(string source, EntityKind entity, IWireEvent wireEvent, IncomingEvent incoming)
    {
        var payload = JsonSerializer.Serialize(incoming.Payload);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        var entityName = EntityNames.Of(entity);
        var key = string.IsNullOrEmpty(incoming.IdempotencyKey)
            ? string.Create(CultureInfo.InvariantCulture, $"{source}:{entityName}:{wireEvent.Id}:{wireEvent.UpdatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}")
            : incoming.IdempotencyKey;
        return new BronzeRecord(source, entityName, wireEvent.Id, key, hash, payload);
    }
}
