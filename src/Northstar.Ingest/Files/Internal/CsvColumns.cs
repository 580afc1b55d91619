using Northstar.Ingest.Pipeline.Validation;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Binds a CSV header to an entity's fields: the explicit mappings first, then columns already named as our fields
/// (case and surrounding spaces ignored). Refuses a mapping to an unknown field or column, and a header with no
/// column for a required field; <c>id</c> and <c>updated_at</c> may be left out (they are synthesized).
/// </summary>
internal sealed class CsvColumns
{
    private CsvColumns(IReadOnlyList<CsvBinding> bindings, IReadOnlyList<string> ignored)
    {
        Bindings = bindings;
        Ignored = ignored;
    }

    public IReadOnlyList<CsvBinding> Bindings { get; }

    /// <summary>Header columns bound to no field; their values are not imported.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public static CsvColumns Bind(
        EntityShape shape, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> mappings, string fileName)
    {
        var byField = new Dictionary<string, CsvBinding>(StringComparer.Ordinal);
        foreach (var (fieldName, columnName) in mappings)
        {
            var field = shape.Find(fieldName)
                ?? throw new FileImportException(
                    $"{fileName}: '{fieldName}' is not a field of {EntityNames.Of(shape.Entity)}; " +
                    $"the fields are {string.Join(", ", shape.AllFields.Select(f => f.Name))}.");
            var column = IndexOf(header, columnName);
            if (column < 0)
                throw new FileImportException($"{fileName}: the mapping {fieldName}={columnName} names a column the header does not have.");
            if (!byField.TryAdd(field.Name, Binding(field, column, header)))
                throw new FileImportException($"{fileName}: the field '{field.Name}' is mapped twice.");
        }

        var used = byField.Values.Select(binding => binding.Column).ToHashSet();
        var ignored = new List<string>();
        for (var column = 0; column < header.Count; column++)
        {
            if (used.Contains(column))
                continue;
            if (shape.Find(header[column]) is { } field && !byField.ContainsKey(field.Name))
                byField[field.Name] = Binding(field, column, header);
            else
                ignored.Add(header[column]);
        }

        var missing = RequiredFields.Of(WireTypes.Of(shape.Entity))
            .Where(name => name is not ("id" or "updated_at") && name != shape.NestedList)
            .Concat(byField.Values.Any(binding => binding.Nested) || shape.NestedListRequired ? NestedRequired(shape) : [])
            .Where(name => !byField.ContainsKey(name))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new FileImportException(
                $"{fileName}: the header has no column for the required field{(missing.Length > 1 ? "s" : "")} " +
                $"{string.Join(", ", missing)}; " +
                "name the columns so or map them (for example --map ordered_at=Date).");
        }

        // Scalar fields before nested ones, each group in wire order, so payloads and reports are deterministic.
        var order = shape.AllFields.Select((field, index) => (field.Name, index)).ToDictionary(pair => pair.Name, pair => pair.index);
        return new CsvColumns(byField.Values.OrderBy(binding => order[binding.Field.Name]).ToArray(), ignored);
    }

    private static IEnumerable<string> NestedRequired(EntityShape shape)
    {
        if (shape.NestedList is null)
            return [];
        var element = WireTypes.Of(shape.Entity).GetProperties()
            .Single(property => property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .PropertyType.GetGenericArguments()[0];
        return RequiredFields.Of(element).Where(name => name != "line_number").Select(name => $"{shape.NestedList}.{name}");
    }

    private static CsvBinding Binding(FieldSpec field, int column, IReadOnlyList<string> header) =>
        new(field, column, header[column], field.Name.Contains('.', StringComparison.Ordinal));

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var column = 0; column < header.Count; column++)
        {
            if (header[column].Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
                return column;
        }

        return -1;
    }
}
