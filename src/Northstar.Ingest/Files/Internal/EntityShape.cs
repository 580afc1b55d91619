using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Files.Internal;

/// <summary>A scalar wire field: its JSON name (<c>line_items.quantity</c> for a nested one) and kind.</summary>
internal sealed record FieldSpec(string Name, string JsonName, FieldKind Kind);

/// <summary>
/// The flat (CSV) shape of an entity, read from its wire record: the scalar fields, and the fields of its one nested
/// list when it has one (an order's <c>line_items</c>, a job's <c>commission_splits</c>), named <c>list.field</c>.
/// A file with a nested list has one row per list element with the parent's columns repeated, grouped by id.
/// </summary>
internal sealed class EntityShape
{
    // The fields that say when a record happened, in order of preference, for an updated_at the file does not give.
    private static readonly string[] NaturalTimeFields =
        ["ordered_at", "sold_at", "opened_at", "started_at", "knocked_at", "created_at", "first_seen_at", "spend_date"];

    private static readonly ConcurrentDictionary<EntityKind, EntityShape> Cache = new();

    private EntityShape(EntityKind entity)
    {
        Entity = entity;
        var fields = new List<FieldSpec>();
        foreach (var parameter in ParametersOf(WireTypes.Of(entity)))
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!);
            if (ElementOf(parameter.ParameterType) is { } element)
            {
                NestedList = name;
                NestedListRequired = !parameter.HasDefaultValue;
                NestedFields = ParametersOf(element)
                    .Select(child => JsonNamingPolicy.SnakeCaseLower.ConvertName(child.Name!))
                    .Zip(ParametersOf(element), (childName, child) =>
                        new FieldSpec($"{name}.{childName}", childName, KindOf(child.ParameterType)))
                    .ToArray();
                continue;
            }

            fields.Add(new FieldSpec(name, name, KindOf(parameter.ParameterType)));
        }

        Fields = fields;
        NaturalTime = NaturalTimeFields.FirstOrDefault(candidate => fields.Any(field => field.Name == candidate));
        var singular = EntityNames.Of(entity) switch
        {
            "canvass_doors" => "door",
            "marketing_spend" => "spend",
            var plural => plural[..^1],
        };
        IdAlias = fields.Any(field => field.Name == $"{singular}_id") ? null : $"{singular}_id";
    }

    public EntityKind Entity { get; }

    /// <summary>The scalar fields of the record itself, in wire order (<c>id</c> and <c>updated_at</c> first).</summary>
    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The JSON name of the nested list, or null when the entity has none.</summary>
    public string? NestedList { get; }

    /// <summary>Whether the wire record requires the nested list (an order's lines); a job's splits are optional.</summary>
    public bool NestedListRequired { get; }

    /// <summary>The fields of one element of the nested list, named <c>list.field</c>.</summary>
    public IReadOnlyList<FieldSpec> NestedFields { get; } = [];

    /// <summary>Another accepted name of <c>id</c> in files, such as <c>order_id</c>; null when it would be ambiguous.</summary>
    public string? IdAlias { get; }

    /// <summary>The field whose value stands in for a missing <c>updated_at</c>, or null.</summary>
    public string? NaturalTime { get; }

    public IEnumerable<FieldSpec> AllFields => Fields.Concat(NestedFields);

    public static EntityShape Of(EntityKind entity) => Cache.GetOrAdd(entity, kind => new EntityShape(kind));

    /// <summary>The field a name (or the id alias) denotes, case-insensitively; null when there is none.</summary>
    public FieldSpec? Find(string name)
    {
        var trimmed = name.Trim();
        if (IdAlias is not null && trimmed.Equals(IdAlias, StringComparison.OrdinalIgnoreCase))
            trimmed = "id";
        return AllFields.FirstOrDefault(field => field.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static ParameterInfo[] ParametersOf(Type recordType) =>
        recordType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(candidate => candidate.GetParameters().Length)
            .First()
            .GetParameters();

    private static Type? ElementOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static FieldKind KindOf(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
            return FieldKind.Text;
        if (plain == typeof(int) || plain == typeof(long))
            return FieldKind.Integer;
        if (plain == typeof(decimal))
            return FieldKind.Decimal;
        if (plain == typeof(bool))
            return FieldKind.Boolean;
        if (plain == typeof(DateTimeOffset))
            return FieldKind.Instant;
        if (plain == typeof(DateOnly))
            return FieldKind.Date;
        throw new NotSupportedException($"The wire field type {plain.Name} has no file representation.");
    }
}
