namespace Northstar.Ingest.Files;

/// <summary>Reads column mappings written as <c>field=Column</c>, as the <c>--map</c> option of the import verb takes them.</summary>
public static class ColumnMappings
{
    /// <summary>Parses <c>order_id=OrderNo</c> pairs into our field → file column.</summary>
    /// <exception cref="FileImportException">A pair has no <c>=</c>, an empty side, or a field mapped twice.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var mappings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var field = equals < 0 ? "" : pair[..equals].Trim();
            var column = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            if (field.Length == 0 || column.Length == 0)
                throw new FileImportException($"The mapping '{pair}' is not of the form field=Column (for example order_id=OrderNo).");
            if (!mappings.TryAdd(field, column))
                throw new FileImportException($"The field '{field}' is mapped twice.");
        }

        return mappings;
    }
}
