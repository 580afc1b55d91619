using Northstar.Core.Model;

namespace Northstar.Core.Compiling.Sql;

/// <summary>An expression of the SQL tree. Identifiers come only from the model; values only as parameters.</summary>
public abstract record SqlExpression;

/// <summary>A column, optionally qualified by a table alias: <c>"f"."net_amount"</c>.</summary>
public sealed record SqlColumn(string? Table, string Name) : SqlExpression;

/// <summary>A value bound as a positional parameter; numbered in rendering order.</summary>
public sealed record SqlParameter(object? Value) : SqlExpression;

/// <summary>A numeric constant of the model (never a value from a request).</summary>
public sealed record SqlNumber(decimal Value) : SqlExpression;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record SqlBoolean(bool Value) : SqlExpression;

/// <summary>A typed null, so that union branches agree on types.</summary>
public sealed record SqlNull(DataType Type) : SqlExpression;

/// <summary><c>*</c> as the argument of <c>count(*)</c>.</summary>
public sealed record SqlStar : SqlExpression;

/// <summary>A function call: <c>sum(x)</c>, <c>count(distinct x)</c>, optionally with <c>filter (where ...)</c>.</summary>
public sealed record SqlFunction(string Name, IReadOnlyList<SqlExpression> Arguments, bool Distinct = false,
                                 SqlExpression? Filter = null) : SqlExpression;

/// <summary>
/// The continuous percentile <paramref name="Fraction"/> of <paramref name="Value"/> (interpolated between the two nearest
/// values), optionally with <c>filter (where ...)</c>: <c>percentile_cont(f) within group (order by x)</c> on PostgreSQL,
/// <c>quantile_cont(x, f)</c> on DuckDB.
/// </summary>
public sealed record SqlPercentile(decimal Fraction, SqlExpression Value, SqlExpression? Filter) : SqlExpression;

/// <summary><c>cast(x as type)</c>, the type named per dialect.</summary>
public sealed record SqlCast(SqlExpression Operand, DataType Type) : SqlExpression;

/// <summary>A binary operation; <see cref="SqlBinaryOperator.Divide"/> renders as a null-safe decimal division.</summary>
public sealed record SqlBinary(SqlBinaryOperator Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

/// <summary>Binary operators.</summary>
public enum SqlBinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    IsNotDistinctFrom,
}

/// <summary>A unary operation.</summary>
public sealed record SqlUnary(SqlUnaryOperator Operator, SqlExpression Operand) : SqlExpression;

/// <summary>Unary operators.</summary>
public enum SqlUnaryOperator
{
    Negate,
    Not,
    IsNull,
    IsNotNull,
}

/// <summary><c>x [not] in (a, b, ...)</c>.</summary>
public sealed record SqlInList(SqlExpression Operand, IReadOnlyList<SqlExpression> Items, bool Negated) : SqlExpression;

/// <summary><c>exists (select ...)</c>.</summary>
public sealed record SqlExists(SqlSelect Subquery) : SqlExpression;

/// <summary><c>(select ...)</c>: a subquery of one row and one column, as a value.</summary>
public sealed record SqlScalarSubquery(SqlSelect Subquery) : SqlExpression;

/// <summary><c>x in (select ...)</c>.</summary>
public sealed record SqlInSubquery(SqlExpression Operand, SqlSelect Subquery) : SqlExpression;

/// <summary>A case-insensitive pattern match, <c>x ilike $n escape '\'</c>; the pattern is a bound parameter.</summary>
public sealed record SqlILike(SqlExpression Operand, SqlExpression Pattern) : SqlExpression;

/// <summary>A date truncated to the start of its day, week (ISO, Monday), month, quarter or year, as a date.</summary>
public sealed record SqlDateBucket(Grain Grain, SqlExpression Date) : SqlExpression;

/// <summary>A local date and hour combined into a timestamp without time zone (the hour bucket).</summary>
public sealed record SqlHourBucket(SqlExpression Date, SqlExpression Hour) : SqlExpression;

/// <summary>
/// Whole calendar months from the month of <paramref name="From"/> to the month of <paramref name="To"/> (both dates),
/// as a bigint: 0 within the same month, 1 from January to February, 12 from one January to the next.
/// </summary>
public sealed record SqlMonthsBetween(SqlExpression From, SqlExpression To) : SqlExpression;

/// <summary>
/// The integers <paramref name="From"/> to <paramref name="To"/> (inclusive) as rows, in a select list: the select
/// yields one row per integer for each row of its source (none when <paramref name="To"/> is below
/// <paramref name="From"/>).
/// </summary>
public sealed record SqlIntegerSeries(SqlExpression From, SqlExpression To) : SqlExpression;
