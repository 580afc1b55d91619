using System.Text.RegularExpressions;

namespace Northstar.Warehouse;

/// <summary>
/// A schema-qualified table name checked to be a plain identifier pair, so it can be spliced into SQL safely.
/// Names are lower-cased, matching how both engines fold unquoted identifiers.
/// </summary>
internal sealed partial record QualifiedTableName(string Schema, string Table)
{
    /// <summary>The name quoted for either engine, e.g. <c>"gold"."fact_sales"</c>.</summary>
    public string Quoted => $"{QuoteIdentifier(Schema)}.{QuoteIdentifier(Table)}";

    /// <inheritdoc />
    public override string ToString() => $"{Schema}.{Table}";

    /// <summary>Parses <c>schema.table</c>; throws <see cref="ArgumentException"/> for anything else.</summary>
    public static QualifiedTableName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('.');
        if (parts.Length != 2 || !IsIdentifier(parts[0]) || !IsIdentifier(parts[1]))
            throw new ArgumentException($"'{name}' is not a schema-qualified table name such as gold.fact_sales.", nameof(name));
        return new QualifiedTableName(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant());
    }

    /// <summary>Checks and lower-cases a column name; throws <see cref="ArgumentException"/> when it is not a plain identifier.</summary>
    public static string ColumnName(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return IsIdentifier(column)
            ? column.ToLowerInvariant()
            : throw new ArgumentException($"'{column}' is not a plain column name.", nameof(column));
    }

    /// <summary>Quotes an identifier already checked by <see cref="Parse"/> or <see cref="ColumnName"/>.</summary>
    public static string QuoteIdentifier(string identifier) => $"\"{identifier}\"";

    private static bool IsIdentifier(string value) => IdentifierPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
