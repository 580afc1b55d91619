using System.Buffers;
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
    // A buffer grown past this by an unusually large payload is let go rather than kept for the thread's lifetime.
    private const int KeptBufferBytes = 1 << 20;

    // One compact-JSON buffer per thread, reused by every event: the payload is written once as UTF-8, hashed from
    // that buffer and decoded to the stored string, instead of serialized to a string and encoded back to bytes.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static BronzeRecord Create(string source, EntityKind entity, IWireEvent wireEvent, IncomingEvent incoming)
    {
        var (payload, hash) = CompactPayload(incoming.Payload, static (payload, writer) => payload.WriteTo(writer));
        return Create(source, entity, wireEvent, incoming.IdempotencyKey, payload, hash);
    }

    /// <summary>
    /// The record of a typed event, serialized straight to its payload. The same JSON values as the record sent as a
    /// JSON element, though not always the same bytes (an element's strings are escaped again when written: an
    /// instant's <c>+</c> becomes <c>\u002B</c>), so a record hashes the same on each path but not across them.
    /// </summary>
    public static BronzeRecord Create(string source, EntityKind entity, IWireEvent wireEvent)
    {
        var (payload, hash) = CompactPayload(
            wireEvent, static (wireEvent, writer) => JsonSerializer.Serialize(writer, wireEvent, wireEvent.GetType(), WireFormat.Options));
        return Create(source, entity, wireEvent, null, payload, hash);
    }

    private static BronzeRecord Create(
        string source, EntityKind entity, IWireEvent wireEvent, string? idempotencyKey, string payload, string hash)
    {
        var entityName = EntityNames.Of(entity);
        var key = string.IsNullOrEmpty(idempotencyKey)
            ? string.Create(CultureInfo.InvariantCulture, $"{source}:{entityName}:{wireEvent.Id}:{wireEvent.UpdatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}")
            : idempotencyKey;
        return new BronzeRecord(source, entityName, wireEvent.Id, key, hash, payload);
    }

    // Byte for byte what JsonSerializer.Serialize(payload) writes (default writer options: compact, default encoder),
    // so hashes stay those of every event already in bronze.
    private static (string Payload, string Hash) CompactPayload<T>(T payload, Action<T, Utf8JsonWriter> write)
    {
        var json = t_json ??= new ArrayBufferWriter<byte>(4096);
        json.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(json);
        writer.Reset(json);
        write(payload, writer);
        writer.Flush();

        var utf8 = json.WrittenSpan;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, digest);
        var result = (Encoding.UTF8.GetString(utf8), Convert.ToHexStringLower(digest));
        if (json.Capacity > KeptBufferBytes)
            (t_json, t_writer) = (null, null);
        return result;
    }
}
