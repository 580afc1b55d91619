using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>Builds filter conditions; every value becomes a parameter.</summary>
internal static class Conditions
{
    /// <summary>The condition <paramref name="operand"/> <paramref name="op"/> <paramref name="values"/>.</summary>
    public static SqlExpression Build(SqlExpression operand, FilterOp op, IReadOnlyList<object?> values) => op switch
    {
        FilterOp.EqualTo => Compare(SqlBinaryOperator.Equal, operand, values[0]),
        FilterOp.NotEqualTo => Compare(SqlBinaryOperator.NotEqual, operand, values[0]),
        FilterOp.Gt => Compare(SqlBinaryOperator.Greater, operand, values[0]),
        FilterOp.Gte => Compare(SqlBinaryOperator.GreaterOrEqual, operand, values[0]),
        FilterOp.Lt => Compare(SqlBinaryOperator.Less, operand, values[0]),
        FilterOp.Lte => Compare(SqlBinaryOperator.LessOrEqual, operand, values[0]),
        FilterOp.Between => new SqlBinary(SqlBinaryOperator.And,
                                          Compare(SqlBinaryOperator.GreaterOrEqual, operand, values[0]),
                                          Compare(SqlBinaryOperator.LessOrEqual, operand, values[1])),
        FilterOp.In => new SqlInList(operand, values.Select(value => (SqlExpression)new SqlParameter(value)).ToArray(), false),
        FilterOp.NotIn => new SqlInList(operand, values.Select(value => (SqlExpression)new SqlParameter(value)).ToArray(), true),
        FilterOp.Contains => new SqlILike(operand, new SqlParameter("%" + EscapeLike(Text(values[0])) + "%")),
        FilterOp.StartsWith => new SqlILike(operand, new SqlParameter(EscapeLike(Text(values[0])) + "%")),
        FilterOp.IsNull => new SqlUnary(SqlUnaryOperator.IsNull, operand),
        FilterOp.IsNotNull => new SqlUnary(SqlUnaryOperator.IsNotNull, operand),
        _ => throw new InvalidOperationException($"Unknown operator {op}."),
    };

    /// <summary>All of <paramref name="conditions"/> (and); null when there are none.</summary>
    public static SqlExpression? All(IEnumerable<SqlExpression> conditions) =>
        conditions.Aggregate((SqlExpression?)null,
                             (all, next) => all is null ? next : new SqlBinary(SqlBinaryOperator.And, all, next));

    /// <summary>Escapes the wildcards of a LIKE pattern (the escape character is a backslash).</summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
             .Replace("%", "\\%", StringComparison.Ordinal)
             .Replace("_", "\\_", StringComparison.Ordinal);

    private static SqlBinary Compare(SqlBinaryOperator op, SqlExpression operand, object? value) =>
        new(op, operand, new SqlParameter(value));

    private static string Text(object? value) =>
        value as string ?? throw new InvalidOperationException("A pattern match needs a text value.");
}
