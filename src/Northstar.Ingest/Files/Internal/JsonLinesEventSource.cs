using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Pipeline.Validation;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Reads a JSON-lines file: one wire-format object per line, blank lines ignored. A line without <c>id</c> or
/// <c>updated_at</c> gets them as a CSV row does; each line is validated with the pipeline's rules and a bad one is
/// reported with its line and the JSON path at fault.
/// </summary>
internal sealed class JsonLinesEventSource(FileImportOptions options, EntityShape shape, FileContext context)
{
    public async IAsyncEnumerable<ScannedEvent> ReadAsync(Stream stream, bool validate, [EnumeratorCancellation] CancellationToken ct)
    {
        if (options.Mappings.Count > 0)
            throw new FileImportException($"{context.FileName}: column mappings apply to CSV files; JSON lines use the wire field names.");
        var lines = new BoundedLineReader(stream, options.Limits.MaxLineBytes, context.FileName);
        while (await lines.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Span.Trim(" \t"u8).IsEmpty)
                continue;
            yield return Assemble(line, lines.Line, validate);
        }
    }

    private ScannedEvent Assemble(ReadOnlyMemory<byte> line, long lineNumber, bool validate)
    {
        JsonElement parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<JsonElement>(line.Span);
        }
        catch (JsonException error)
        {
            var at = error.BytePositionInLine is { } position ? $" at character {position + 1}" : "";
            return Bad(lineNumber, null, $"the line is not valid JSON{at}");
        }

        if (parsed.ValueKind != JsonValueKind.Object)
            return Bad(lineNumber, null, "the line is not a JSON object");

        var payload = Complete(parsed, lineNumber);
        if (!validate)
            return new ScannedEvent(new IncomingEvent(payload), [], 1);
        var (_, errors) = EventValidator.Validate(shape.Entity, payload);
        return errors.Count == 0
            ? new ScannedEvent(new IncomingEvent(payload), [], 1)
            : new ScannedEvent(
                null, errors.Select(error => context.Issue(lineNumber, error.Field, $"{error.Field} {error.Message}")).ToArray(), 1);
    }

    // Adds the synthesized id and updated_at a line leaves out; a complete line is kept exactly as it was.
    private JsonElement Complete(JsonElement parsed, long lineNumber)
    {
        var hasId = parsed.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
        var hasUpdatedAt = parsed.TryGetProperty("updated_at", out var updatedAt) && updatedAt.ValueKind != JsonValueKind.Null;
        if (hasId && hasUpdatedAt)
            return parsed;

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (!hasId)
                writer.WriteString("id", context.SynthesizedId(lineNumber));
            if (!hasUpdatedAt)
                writer.WriteString("updated_at", NaturalTime(parsed) ?? context.FixedInstant);
            foreach (var property in parsed.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null || property.Name is not ("id" or "updated_at"))
                    property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private DateTimeOffset? NaturalTime(JsonElement parsed) =>
        shape.NaturalTime is { } name
        && parsed.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    private ScannedEvent Bad(long line, string? column, string reason) => new(null, [context.Issue(line, column, reason)], 1);
}
