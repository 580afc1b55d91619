using System.Buffers;
using System.Text.Json;

namespace Northstar.Ingest.Files.Internal;

/// <summary>Writes an event's converted values as its wire-format JSON payload, scalar fields in wire order.</summary>
internal static class PayloadWriter
{
    public static JsonElement Write(
        EntityShape shape,
        IReadOnlyDictionary<string, FieldValue> values,
        IReadOnlyList<IReadOnlyDictionary<string, FieldValue>> children)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in shape.Fields)
            {
                if (values.TryGetValue(field.Name, out var value))
                    value.Write(writer, field.JsonName);
            }

            if (shape.NestedList is { } list && (children.Count > 0 || shape.NestedListRequired))
            {
                writer.WriteStartArray(list);
                for (var index = 0; index < children.Count; index++)
                {
                    writer.WriteStartObject();
                    foreach (var field in shape.NestedFields)
                    {
                        if (children[index].TryGetValue(field.Name, out var value))
                            value.Write(writer, field.JsonName);
                        else if (field.JsonName == "line_number")
                            writer.WriteNumber(field.JsonName, index + 1); // lines are numbered in file order when the file does not
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }
}
