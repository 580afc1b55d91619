using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;

namespace Northstar.Core.Analyses;

/// <summary>Short names for the SQL tree nodes the analyses write, so that their statements read like SQL.</summary>
internal static class AnalysisSql
{
    public static SqlColumn Column(string table, string name) => new(table, name);

    public static SqlSelectItem As(SqlExpression expression, string alias) => new(expression, alias);

    public static SqlTableSource Cte(string name, string alias) => new(new SqlTable(null, name), alias);

    public static SqlCte Define(string name, SqlSelect select) => new(name, new SqlSelectQuery(select));

    public static SqlNumber Number(decimal value) => new(value);

    public static SqlFunction CountAll() => new("count", [new SqlStar()]);

    public static SqlFunction Min(SqlExpression value) => new("min", [value]);

    public static SqlFunction Max(SqlExpression value) => new("max", [value]);

    /// <summary><c>coalesce(sum(x), 0)</c>: 0, not null, over no rows.</summary>
    public static SqlFunction Sum(SqlExpression value) => ZeroIfNull(new SqlFunction("sum", [value]));

    public static SqlFunction ZeroIfNull(SqlExpression value) => new("coalesce", [value, new SqlNumber(0)]);

    public static SqlBinary Eq(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.Equal, left, right);

    public static SqlBinary Gt(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.Greater, left, right);

    public static SqlBinary Gte(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.GreaterOrEqual, left, right);

    public static SqlBinary Lt(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.Less, left, right);

    public static SqlBinary Lte(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.LessOrEqual, left, right);

    public static SqlBinary Divide(SqlExpression left, SqlExpression right) => new(SqlBinaryOperator.Divide, left, right);

    /// <summary>A constant of the analysis as a typed value (so that union branches agree on the type).</summary>
    public static SqlCast Typed(SqlExpression value, DataType type) => new(value, type);

    /// <summary>All of <paramref name="conditions"/> that are not null (and); null when none is.</summary>
    public static SqlExpression? All(params SqlExpression?[] conditions) =>
        conditions.OfType<SqlExpression>().Aggregate((SqlExpression?)null,
            (all, next) => all is null ? next : new SqlBinary(SqlBinaryOperator.And, all, next));
}
