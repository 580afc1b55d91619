namespace Northstar.Core;

/// <summary>
/// The SQL dialects the compiler renders. Both are PostgreSQL-flavoured; the differences the compiler
/// cares about (date bucketing, parameter syntax, quoting of identifiers, bulk-load paths) hang off this.
/// </summary>
public enum SqlDialect
{
    /// <summary>DuckDB 1.5, the embedded engine.</summary>
    DuckDb,

    /// <summary>PostgreSQL 15 or later, the server engine.</summary>
    PostgreSql,
}
