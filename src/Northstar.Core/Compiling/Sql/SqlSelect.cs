namespace Northstar.Core.Compiling.Sql;

/// <summary>
/// A select statement: optional common table expressions, the output columns, one source with its joins, filters,
/// grouping, ordering and limit.
/// </summary>
public sealed record SqlSelect
{
    /// <summary>Named subqueries (<c>with name as (...)</c>), in dependency order.</summary>
    public IReadOnlyList<SqlCte> With { get; init; } = [];

    /// <summary>The output columns.</summary>
    public required IReadOnlyList<SqlSelectItem> Columns { get; init; }

    /// <summary>The source of the rows.</summary>
    public required SqlSource From { get; init; }

    /// <summary>Left joins from the source.</summary>
    public IReadOnlyList<SqlJoin> Joins { get; init; } = [];

    /// <summary>Row filter; null: none.</summary>
    public SqlExpression? Where { get; init; }

    /// <summary>Grouping expressions.</summary>
    public IReadOnlyList<SqlExpression> GroupBy { get; init; } = [];

    /// <summary>Sort keys.</summary>
    public IReadOnlyList<SqlOrder> OrderBy { get; init; } = [];

    /// <summary>Row limit (a parameter); null: none.</summary>
    public SqlExpression? Limit { get; init; }
}

/// <summary>An output column with its alias.</summary>
public sealed record SqlSelectItem(SqlExpression Expression, string Alias);

/// <summary>A named subquery of a <c>with</c> clause.</summary>
public sealed record SqlCte(string Name, SqlQuery Query);

/// <summary>A sort key; nulls sort last either way so that both engines agree.</summary>
public sealed record SqlOrder(SqlExpression Expression, bool Descending);

/// <summary><c>left join {Table} {Alias} on {On}</c>.</summary>
public sealed record SqlJoin(SqlTable Table, string Alias, SqlExpression On);

/// <summary>Where rows come from.</summary>
public abstract record SqlSource(string Alias);

/// <summary>A table (schema-qualified or a CTE name) with an alias.</summary>
public sealed record SqlTableSource(SqlTable Table, string Alias) : SqlSource(Alias);

/// <summary>A subquery with an alias.</summary>
public sealed record SqlSubquerySource(SqlQuery Query, string Alias) : SqlSource(Alias);

/// <summary>A table name: <c>gold.fact_sales</c> (schema and name) or a CTE (no schema).</summary>
public sealed record SqlTable(string? Schema, string Name)
{
    /// <summary>Parses a model table name, <c>schema.table</c> or <c>table</c>.</summary>
    public static SqlTable Parse(string qualifiedName)
    {
        ArgumentNullException.ThrowIfNull(qualifiedName);
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new SqlTable(null, qualifiedName) : new SqlTable(qualifiedName[..dot], qualifiedName[(dot + 1)..]);
    }
}

/// <summary>A query: a select, or the <c>union all</c> of selects.</summary>
public abstract record SqlQuery;

/// <summary>One select as a query.</summary>
public sealed record SqlSelectQuery(SqlSelect Select) : SqlQuery;

/// <summary><c>select ... union all select ...</c>.</summary>
public sealed record SqlUnionAll(IReadOnlyList<SqlSelect> Selects) : SqlQuery;
