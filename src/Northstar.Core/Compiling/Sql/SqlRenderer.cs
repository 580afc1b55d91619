using System.Globalization;
using System.Text;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling.Sql;

/// <summary>
/// Renders a SQL tree for one dialect. Identifiers are always quoted; every <see cref="SqlParameter"/> becomes the next
/// positional parameter (<c>$1</c>, <c>$2</c>...) in the order it is written, so the text never holds a value.
/// </summary>
public sealed class SqlRenderer
{
    private readonly SqlDialect _dialect;
    private readonly StringBuilder _sql = new();
    private readonly List<object?> _parameters = [];

    private SqlRenderer(SqlDialect dialect) => _dialect = dialect;

    /// <summary>Renders <paramref name="select"/> as a statement of <paramref name="dialect"/>.</summary>
    public static SqlStatement Render(SqlSelect select, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(select);
        var renderer = new SqlRenderer(dialect);
        renderer.WriteSelect(select);
        return new SqlStatement(renderer._sql.ToString(), renderer._parameters.ToArray());
    }

    /// <summary>Quotes an identifier (the model only allows snake_case; a quote would be doubled anyway).</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void WriteSelect(SqlSelect select)
    {
        if (select.With.Count > 0)
        {
            _sql.Append("with ");
            for (var i = 0; i < select.With.Count; i++)
            {
                if (i > 0)
                {
                    _sql.Append(",\n     ");
                }

                _sql.Append(Quote(select.With[i].Name)).Append(" as (\n");
                WriteQuery(select.With[i].Query);
                _sql.Append(')');
            }

            _sql.Append('\n');
        }

        _sql.Append("select ");
        for (var i = 0; i < select.Columns.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(", ");
            }

            WriteExpression(select.Columns[i].Expression);
            _sql.Append(" as ").Append(Quote(select.Columns[i].Alias));
        }

        _sql.Append("\nfrom ");
        WriteSource(select.From);
        foreach (var join in select.Joins)
        {
            _sql.Append("\nleft join ");
            WriteTable(join.Table);
            _sql.Append(' ').Append(Quote(join.Alias)).Append(" on ");
            WriteExpression(join.On);
        }

        if (select.Where is not null)
        {
            _sql.Append("\nwhere ");
            WriteExpression(select.Where);
        }

        WriteList("\ngroup by ", select.GroupBy, WriteExpression);
        WriteList("\norder by ", select.OrderBy, order =>
        {
            WriteExpression(order.Expression);
            _sql.Append(order.Descending ? " desc" : " asc").Append(" nulls last");
        });

        if (select.Limit is not null)
        {
            _sql.Append("\nlimit ");
            WriteExpression(select.Limit);
        }
    }

    private void WriteList<T>(string keyword, IReadOnlyList<T> items, Action<T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        _sql.Append(keyword);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(", ");
            }

            write(items[i]);
        }
    }

    private void WriteQuery(SqlQuery query)
    {
        switch (query)
        {
            case SqlSelectQuery single:
                WriteSelect(single.Select);
                break;
            case SqlUnionAll union:
                for (var i = 0; i < union.Selects.Count; i++)
                {
                    if (i > 0)
                    {
                        _sql.Append("\nunion all\n");
                    }

                    WriteSelect(union.Selects[i]);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown query node {query.GetType().Name}.");
        }
    }

    private void WriteSource(SqlSource source)
    {
        switch (source)
        {
            case SqlTableSource table:
                WriteTable(table.Table);
                break;
            case SqlSubquerySource subquery:
                _sql.Append("(\n");
                WriteQuery(subquery.Query);
                _sql.Append(')');
                break;
            default:
                throw new InvalidOperationException($"Unknown source node {source.GetType().Name}.");
        }

        _sql.Append(' ').Append(Quote(source.Alias));
    }

    private void WriteTable(SqlTable table)
    {
        if (table.Schema is not null)
        {
            _sql.Append(Quote(table.Schema)).Append('.');
        }

        _sql.Append(Quote(table.Name));
    }

    private void WriteExpression(SqlExpression expression)
    {
        switch (expression)
        {
            case SqlColumn column:
                if (column.Table is not null)
                {
                    _sql.Append(Quote(column.Table)).Append('.');
                }

                _sql.Append(Quote(column.Name));
                break;
            case SqlParameter parameter:
                _parameters.Add(parameter.Value);
                _sql.Append('$').Append(_parameters.Count.ToString(CultureInfo.InvariantCulture));
                break;
            case SqlNumber number:
                _sql.Append('(').Append(number.Value.ToString(CultureInfo.InvariantCulture)).Append(')');
                break;
            case SqlBoolean boolean:
                _sql.Append(boolean.Value ? "true" : "false");
                break;
            case SqlNull typed:
                _sql.Append("cast(null as ").Append(TypeName(typed.Type)).Append(')');
                break;
            case SqlStar:
                _sql.Append('*');
                break;
            case SqlFunction function:
                WriteFunction(function);
                break;
            case SqlPercentile percentile:
                WritePercentile(percentile);
                break;
            case SqlCast cast:
                _sql.Append("cast(");
                WriteExpression(cast.Operand);
                _sql.Append(" as ").Append(TypeName(cast.Type)).Append(')');
                break;
            case SqlBinary binary:
                WriteBinary(binary);
                break;
            case SqlUnary unary:
                WriteUnary(unary);
                break;
            case SqlInList inList:
                _sql.Append('(');
                WriteExpression(inList.Operand);
                _sql.Append(inList.Negated ? " not in (" : " in (");
                WriteList(string.Empty, inList.Items, WriteExpression);
                _sql.Append("))");
                break;
            case SqlInSubquery inSubquery:
                _sql.Append('(');
                WriteExpression(inSubquery.Operand);
                _sql.Append(" in (");
                WriteSelect(inSubquery.Subquery);
                _sql.Append("))");
                break;
            case SqlScalarSubquery scalar:
                _sql.Append('(');
                WriteSelect(scalar.Subquery);
                _sql.Append(')');
                break;
            case SqlExists exists:
                _sql.Append("exists (");
                WriteSelect(exists.Subquery);
                _sql.Append(')');
                break;
            case SqlILike like:
                _sql.Append('(');
                WriteExpression(like.Operand);
                _sql.Append(" ilike ");
                WriteExpression(like.Pattern);
                _sql.Append(" escape '\\')");
                break;
            case SqlDateBucket bucket:
                WriteDateBucket(bucket);
                break;
            case SqlHourBucket hour:
                WriteHourBucket(hour);
                break;
            case SqlMonthsBetween months:
                WriteMonthsBetween(months);
                break;
            case SqlIntegerSeries series:
                WriteIntegerSeries(series);
                break;
            default:
                throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
        }
    }

    private void WriteFunction(SqlFunction function)
    {
        _sql.Append(function.Name).Append('(');
        if (function.Distinct)
        {
            _sql.Append("distinct ");
        }

        WriteList(string.Empty, function.Arguments, WriteExpression);
        _sql.Append(')');
        if (function.Filter is not null)
        {
            _sql.Append(" filter (where ");
            WriteExpression(function.Filter);
            _sql.Append(')');
        }
    }

    // Both interpolate linearly at position fraction × (n − 1) of the sorted values, so the engines agree.
    private void WritePercentile(SqlPercentile percentile)
    {
        var fraction = percentile.Fraction.ToString(CultureInfo.InvariantCulture);
        if (_dialect == SqlDialect.PostgreSql)
        {
            _sql.Append("percentile_cont(").Append(fraction).Append(") within group (order by ");
            WriteExpression(percentile.Value);
            _sql.Append(')');
        }
        else
        {
            _sql.Append("quantile_cont(");
            WriteExpression(percentile.Value);
            _sql.Append(", ").Append(fraction).Append(')');
        }

        if (percentile.Filter is not null)
        {
            _sql.Append(" filter (where ");
            WriteExpression(percentile.Filter);
            _sql.Append(')');
        }
    }

    private void WriteBinary(SqlBinary binary)
    {
        _sql.Append('(');
        if (binary.Operator == SqlBinaryOperator.Divide)
        {
            // Cast so that integer counts never divide with truncation; nullif turns a zero divisor into null.
            _sql.Append("cast(");
            WriteExpression(binary.Left);
            _sql.Append(" as ").Append(DecimalType).Append(") / nullif(");
            WriteExpression(binary.Right);
            _sql.Append(", 0))");
            return;
        }

        WriteExpression(binary.Left);
        _sql.Append(binary.Operator switch
        {
            SqlBinaryOperator.Add => " + ",
            SqlBinaryOperator.Subtract => " - ",
            SqlBinaryOperator.Multiply => " * ",
            SqlBinaryOperator.Equal => " = ",
            SqlBinaryOperator.NotEqual => " <> ",
            SqlBinaryOperator.Less => " < ",
            SqlBinaryOperator.LessOrEqual => " <= ",
            SqlBinaryOperator.Greater => " > ",
            SqlBinaryOperator.GreaterOrEqual => " >= ",
            SqlBinaryOperator.And => " and ",
            SqlBinaryOperator.Or => " or ",
            SqlBinaryOperator.IsNotDistinctFrom => " is not distinct from ",
            _ => throw new InvalidOperationException($"Unknown operator {binary.Operator}."),
        });
        WriteExpression(binary.Right);
        _sql.Append(')');
    }

    private void WriteUnary(SqlUnary unary)
    {
        _sql.Append('(');
        switch (unary.Operator)
        {
            case SqlUnaryOperator.Negate:
                _sql.Append('-');
                WriteExpression(unary.Operand);
                break;
            case SqlUnaryOperator.Not:
                _sql.Append("not ");
                WriteExpression(unary.Operand);
                break;
            case SqlUnaryOperator.IsNull:
                WriteExpression(unary.Operand);
                _sql.Append(" is null");
                break;
            case SqlUnaryOperator.IsNotNull:
                WriteExpression(unary.Operand);
                _sql.Append(" is not null");
                break;
            default:
                throw new InvalidOperationException($"Unknown operator {unary.Operator}.");
        }

        _sql.Append(')');
    }

    private void WriteDateBucket(SqlDateBucket bucket)
    {
        if (bucket.Grain == Grain.Day)
        {
            WriteExpression(bucket.Date);
            return;
        }

        var part = bucket.Grain switch
        {
            Grain.Week => "week",
            Grain.Month => "month",
            Grain.Quarter => "quarter",
            Grain.Year => "year",
            _ => throw new InvalidOperationException($"{bucket.Grain} is not a date grain."),
        };

        // PostgreSQL's date_trunc on a date goes through timestamptz (the session time zone); a timestamp does not.
        _sql.Append("cast(date_trunc('").Append(part).Append("', cast(");
        WriteExpression(bucket.Date);
        _sql.Append(" as timestamp)) as date)");
    }

    private void WriteHourBucket(SqlHourBucket bucket)
    {
        _sql.Append("(cast(");
        WriteExpression(bucket.Date);
        _sql.Append(" as timestamp) + ");
        if (_dialect == SqlDialect.PostgreSql)
        {
            _sql.Append("make_interval(hours => ");
            WriteExpression(bucket.Hour);
            _sql.Append(')');
        }
        else
        {
            _sql.Append("to_hours(cast(");
            WriteExpression(bucket.Hour);
            _sql.Append(" as bigint))");
        }

        _sql.Append(')');
    }

    // extract gives numeric on PostgreSQL and bigint on DuckDB: the cast makes both a bigint.
    private void WriteMonthsBetween(SqlMonthsBetween months)
    {
        _sql.Append("cast((extract(year from ");
        WriteExpression(months.To);
        _sql.Append(") - extract(year from ");
        WriteExpression(months.From);
        _sql.Append(")) * 12 + extract(month from ");
        WriteExpression(months.To);
        _sql.Append(") - extract(month from ");
        WriteExpression(months.From);
        _sql.Append(") as bigint)");
    }

    // PostgreSQL's generate_series is a set-returning function (rows); DuckDB's returns a list, which unnest turns into rows.
    private void WriteIntegerSeries(SqlIntegerSeries series)
    {
        _sql.Append(_dialect == SqlDialect.PostgreSql ? "generate_series(cast(" : "unnest(generate_series(cast(");
        WriteExpression(series.From);
        _sql.Append(" as bigint), cast(");
        WriteExpression(series.To);
        _sql.Append(" as bigint))");
        if (_dialect == SqlDialect.DuckDb)
        {
            _sql.Append(')');
        }
    }

    private string DecimalType => _dialect == SqlDialect.PostgreSql ? "numeric" : "double";

    private string TypeName(DataType type) => type switch
    {
        DataType.Integer => "bigint",
        DataType.Number => _dialect == SqlDialect.PostgreSql ? "numeric" : "decimal(38,6)",
        DataType.Boolean => "boolean",
        DataType.Date => "date",
        DataType.Timestamp => "timestamp",
        _ => "text",
    };
}
