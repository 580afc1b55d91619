using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Pipeline.Validation;

/// <summary>
/// Checks one payload against its entity's wire format: an object, required fields present, every field of the
/// right type, then the business rules. Unknown fields are ignored.
/// </summary>
internal static class EventValidator
{
    /// <summary>The typed event when the payload is valid (errors empty); otherwise the errors, with JSON paths.</summary>
    public static (IWireEvent? Event, IReadOnlyList<FieldError> Errors) Validate(EntityKind entity, JsonElement payload)
    {
        var errors = new FieldErrors();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object");
            return (null, errors.Errors);
        }

        var type = WireTypes.Of(entity);
        foreach (var field in RequiredFields.Of(type))
        {
            if (!payload.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                errors.Add(field, "is required");
        }

        if (errors.Errors.Count > 0)
            return (null, errors.Errors);

        IWireEvent? wireEvent;
        try
        {
            wireEvent = (IWireEvent?)payload.Deserialize(type, WireFormat.Options);
        }
        catch (JsonException error)
        {
            errors.Add(PathOf(error.Path), "has the wrong type or format");
            return (null, errors.Errors);
        }

        if (wireEvent is null)
        {
            errors.Add("$", "must be a JSON object");
            return (null, errors.Errors);
        }

        EventRules.Check(wireEvent, errors);
        return (errors.Errors.Count == 0 ? wireEvent : null, errors.Errors);
    }

    /// <summary>
    /// The same checks for a record that is typed already: it must be the entity's record type, and what its JSON
    /// would lack (a required field left null, which serializes to nothing) is reported as the payload's would be.
    /// Empty when valid.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateWire(EntityKind entity, IWireEvent wireEvent)
    {
        var errors = new FieldErrors();
        var type = WireTypes.Of(entity);
        if (wireEvent.GetType() != type)
        {
            errors.Add("$", $"must be a {type.Name}");
            return errors.Errors;
        }

        foreach (var (field, read) in RequiredFields.Readers(type))
        {
            if (read(wireEvent) is null)
                errors.Add(field, "is required");
        }

        if (errors.Errors.Count == 0)
            EventRules.Check(wireEvent, errors);
        return errors.Errors;
    }

    /// <summary>The id of the record, when the payload has a readable one (for outcomes of invalid events).</summary>
    public static string? IdOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string PathOf(string? jsonPath) => jsonPath switch
    {
        null or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };
}
