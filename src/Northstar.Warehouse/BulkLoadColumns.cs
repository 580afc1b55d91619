namespace Northstar.Warehouse;

/// <summary>Checks the column list of a bulk load: at least one, each a plain identifier, none twice.</summary>
internal static class BulkLoadColumns
{
    /// <summary>The columns lower-cased; throws <see cref="ArgumentException"/> when the list is unusable.</summary>
    public static string[] Check(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("A bulk load needs at least one column.", nameof(columns));
        var names = columns.Select(QualifiedTableName.ColumnName).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? names : throw new ArgumentException($"Column {duplicate.Key} appears twice in the load.", nameof(columns));
    }
}
