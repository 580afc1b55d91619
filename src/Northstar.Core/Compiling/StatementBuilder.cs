using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>
/// Builds the statements of a validated query: one aggregate per subject (a CTE each), combined on the group keys when
/// there are several, and an outer select that computes the metrics, applies metric filters, orders and limits.
/// </summary>
internal sealed class StatementBuilder(SemanticModel model, ValidatedQuery query, QueryScope scope, DateRange? window)
{
    private const string Combined = "q";
    private const string GroupsCte = "groups";

    /// <summary>The rows over <paramref name="range"/>; without filters on metrics, order and limit for a comparison.</summary>
    public SqlSelect Rows(DateRange? range, bool comparison)
    {
        var keys = Keys();
        var columns = keys
            .Select(key => new SqlSelectItem(new SqlColumn(Combined, key.Alias), key.Output))
            .Concat(query.Metrics.Select(metric => new SqlSelectItem(MetricExpression(metric), metric.Name)))
            .ToList();
        var select = Combine(range, grouped: true, keys, onlyGroups: null);
        return comparison ? select with { Columns = columns } : select with
        {
            Columns = columns,
            Where = MetricConditions(),
            OrderBy = Order(keys),
            Limit = new SqlParameter((long)query.Limit),
        };
    }

    /// <summary>
    /// The totals over <paramref name="range"/>: the metrics without grouping, over the rows of the groups that pass
    /// the metric filters when there are any (computed again from those rows, not summed from the groups).
    /// </summary>
    public SqlSelect Totals(DateRange? range)
    {
        var metrics = query.Metrics.Select(metric => new SqlSelectItem(MetricExpression(metric), metric.Name)).ToList();
        if (query.MetricFilters.Count == 0)
        {
            return Combine(range, grouped: false, [], onlyGroups: null) with { Columns = metrics };
        }

        var keys = Keys();
        var groups = Combine(range, grouped: true, keys, onlyGroups: null) with
        {
            Columns = keys.Count == 0
                ? [new SqlSelectItem(new SqlNumber(1), "one")]
                : [.. keys.Select(key => new SqlSelectItem(new SqlColumn(Combined, key.Alias), key.Alias))],
            Where = MetricConditions(),
        };
        var totals = Combine(range, grouped: false, [], onlyGroups: GroupsCte) with { Columns = metrics };
        return totals with { With = [new SqlCte(GroupsCte, new SqlSelectQuery(groups)), .. totals.With] };
    }

    private SqlExpression? MetricConditions() => Conditions.All(query.MetricFilters.Select(filter =>
        Conditions.Build(MetricExpression(model.Metrics[filter.Member]), filter.Op, filter.Values)));

    // The group keys: alias in the subject aggregates, and the answer's column name.
    private List<(string Alias, string Output)> Keys()
    {
        var keys = new List<(string Alias, string Output)>();
        if (query.Time is { } time)
        {
            keys.Add((SubjectAggregate.TimeAlias, time.Name));
        }

        keys.AddRange(query.Dimensions.Select(dimension => (SubjectAggregate.DimensionAlias(dimension.Name), dimension.Name)));
        return keys;
    }

    // A select from the combined aggregates (columns to be set by the caller).
    private SqlSelect Combine(DateRange? range, bool grouped, List<(string Alias, string Output)> keys, string? onlyGroups)
    {
        var ctes = query.Parts
            .Select(part => new SqlCte("s_" + part.Subject.Name,
                                       new SqlSelectQuery(SubjectAggregate.Build(part, query, scope, range, window, grouped, onlyGroups))))
            .ToList();
        if (ctes.Count == 1)
        {
            return new SqlSelect { With = ctes, Columns = [], From = new SqlTableSource(new SqlTable(null, ctes[0].Name), Combined) };
        }

        // Several subjects: stack their aggregates (each with nulls for the others' measures) and merge them on the
        // group keys. Unlike a full outer join on the keys, grouping treats null keys as equal on both engines.
        var allMeasures = query.Parts.SelectMany(part => part.Measures).ToList();
        var branches = query.Parts.Zip(ctes, (part, cte) => new SqlSelect
        {
            Columns =
            [
                .. keys.Select(key => new SqlSelectItem(new SqlColumn(null, key.Alias), key.Alias)),
                .. allMeasures.Select(measure => new SqlSelectItem(
                    part.Measures.Contains(measure)
                        ? new SqlColumn(null, SubjectAggregate.MeasureAlias(measure.Name))
                        : new SqlNull(measure.Type),
                    SubjectAggregate.MeasureAlias(measure.Name))),
            ],
            From = new SqlTableSource(new SqlTable(null, cte.Name), cte.Name),
        }).ToList();
        var merged = new SqlSelect
        {
            Columns =
            [
                .. keys.Select(key => new SqlSelectItem(new SqlColumn("u", key.Alias), key.Alias)),
                .. allMeasures.Select(measure => new SqlSelectItem(
                    new SqlFunction("max", [new SqlColumn("u", SubjectAggregate.MeasureAlias(measure.Name))]),
                    SubjectAggregate.MeasureAlias(measure.Name))),
            ],
            From = new SqlSubquerySource(new SqlUnionAll(branches), "u"),
            GroupBy = grouped ? keys.Select(key => (SqlExpression)new SqlColumn("u", key.Alias)).ToList() : [],
        };
        return new SqlSelect { With = ctes, Columns = [], From = new SqlSubquerySource(new SqlSelectQuery(merged), Combined) };
    }

    private List<SqlOrder> Order(List<(string Alias, string Output)> keys)
    {
        SqlExpression Column(string member) =>
            keys.FindIndex(key => key.Output == member) is var index and >= 0
                ? new SqlColumn(Combined, keys[index].Alias)
                : MetricExpression(model.Metrics[member]);

        var order = query.Order.Select(key => new SqlOrder(Column(key.Member), key.Descending)).ToList();
        if (order.Count == 0 && query.Time is null)
        {
            order.Add(new SqlOrder(MetricExpression(query.Metrics[0]), Descending: true));
        }

        // Then the group keys, so that the order (and so the rows a limit keeps) is the same on every run and engine.
        order.AddRange(keys
            .Where(key => !query.Order.Any(explicitKey => explicitKey.Member == key.Output))
            .Select(key => new SqlOrder(new SqlColumn(Combined, key.Alias), Descending: false)));
        return order;
    }

    private SqlExpression MetricExpression(Metric metric) => metric switch
    {
        Measure measure => new SqlColumn(Combined, SubjectAggregate.MeasureAlias(measure.Name)),
        DerivedMetric derived => Expression(derived.Parsed),
        _ => throw new InvalidOperationException($"Unknown metric kind {metric.GetType().Name}."),
    };

    private SqlExpression Expression(MetricExpression expression) => expression switch
    {
        MetricReference reference => MetricExpression(model.Metrics[reference.Metric]),
        NumberConstant constant => new SqlNumber(constant.Value),
        Negation negation => new SqlUnary(SqlUnaryOperator.Negate, Expression(negation.Operand)),
        BinaryOperation binary => new SqlBinary(
            binary.Operator switch
            {
                '+' => SqlBinaryOperator.Add,
                '-' => SqlBinaryOperator.Subtract,
                '*' => SqlBinaryOperator.Multiply,
                '/' => SqlBinaryOperator.Divide,
                _ => throw new InvalidOperationException($"Unknown operator '{binary.Operator}'."),
            },
            Expression(binary.Left), Expression(binary.Right)),
        _ => throw new InvalidOperationException($"Unknown expression kind {expression.GetType().Name}."),
    };
}
