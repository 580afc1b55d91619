using System.Globalization;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// Reads metric declarations: a subject's measures (<c>sum: net_amount</c>, <c>count: true</c>,
/// <c>count_distinct: customer.customer_id</c>, <c>percentile: duration_ms</c> with <c>at: 0.95</c>... with an optional
/// <c>where</c>) and derived metrics
/// (<c>expr: "{revenue} / {orders}"</c>), in a subject or at model level.
/// </summary>
internal static class MetricReader
{
    private static readonly string[] DerivedKeys = ["label", "description", "format", "expr"];

    private static readonly string[] SubjectMetricKeys =
        ["label", "description", "format", "where", "determines", "at", "sum", "count", "count_distinct", "avg", "min", "max", "percentile",
         "expr"];

    /// <summary>Reads a model-level metric, which can only be derived.</summary>
    public static DeclaredMetric ReadModelMetric(string name, ModelNode node)
    {
        var map = node.Map(DerivedKeys);
        return map is null ? new DeclaredMetric(name, node, null, null) : ReadDerived(name, map, map.Required("expr"));
    }

    /// <summary>Reads a metric declared in a subject: a measure of the subject, or a derived metric.</summary>
    public static DeclaredMetric ReadSubjectMetric(
        string name, ModelNode node, string subject,
        IReadOnlyDictionary<string, Join> joins, IReadOnlyDictionary<string, Dimension> dimensions)
    {
        var invalid = new DeclaredMetric(name, node, null, null);
        var map = node.Map(SubjectMetricKeys);
        if (map is null)
        {
            return invalid;
        }

        var kinds = WireNames.Aggregations.Keys.Append("expr").Where(map.Has).ToList();
        if (kinds.Count != 1)
        {
            node.Error(kinds.Count == 0
                ? "a measure needs one of: sum, count, count_distinct, avg, min, max, percentile (or expr for a derived metric)"
                : "a measure has exactly one of sum, count, count_distinct, avg, min, max, percentile, expr; " +
                  $"found {string.Join(" and ", kinds)}");
            return invalid;
        }

        var determinesNode = map.Optional("determines");
        if (determinesNode is not null && kinds[0] != "count_distinct")
        {
            determinesNode.Error("only a distinct count (count_distinct) declares the fact columns its value determines");
            return invalid;
        }

        var atNode = map.Optional("at");
        if (atNode is not null && kinds[0] != "percentile")
        {
            atNode.Error("only a percentile measure takes 'at' (the fraction of the values at or below it, e.g. 0.95)");
            return invalid;
        }

        if (kinds[0] == "expr")
        {
            if (map.Optional("where") is { } where)
            {
                where.Error("a derived metric cannot have 'where': filter the measures it is computed from");
                return invalid;
            }

            return ReadDerived(name, map, map.Optional("expr"));
        }

        var aggregation = WireNames.Aggregations[kinds[0]];
        var columnNode = map.Optional(kinds[0])!;
        var countsRows = aggregation == Aggregation.Count && columnNode.PlainText is "true" or "false";
        var column = countsRows ? null : ReadColumn(columnNode, joins);
        var columnValid = countsRows ? CountsRows(columnNode) : column is not null;
        var filter = map.Optional("where") is { } whereNode ? ConditionReader.ReadAll(whereNode, dimensions) : [];
        var determines = determinesNode?.IdentifierList();
        var fraction = aggregation == Aggregation.Percentile ? Fraction(map) : null;
        var label = map.RequiredText("label");
        var format = map.Optional("format")?.OneOf(WireNames.Formats)
            ?? (aggregation is Aggregation.Count or Aggregation.CountDistinct ? ValueFormat.Integer : ValueFormat.Number);
        if (label is null || !columnValid || (determinesNode is not null && determines is null)
            || (aggregation == Aggregation.Percentile && fraction is null))
        {
            return invalid;
        }

        var measure = new Measure(
            name, label, format, map.OptionalText("description"), node.Source,
            subject, aggregation, column, filter)
        {
            Determines = [.. (determines ?? []).Select(item => item.Name).Distinct(StringComparer.Ordinal)],
            Fraction = fraction,
        };
        return new DeclaredMetric(name, node, measure, null);
    }

    /// <summary>A column of the fact (<c>net_amount</c>) or of a join (<c>customer.customer_id</c>).</summary>
    private static ColumnRef? ReadColumn(ModelNode node, IReadOnlyDictionary<string, Join> joins)
    {
        var text = node.Text();
        if (text is null)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var join = dot < 0 ? null : text[..dot];
        var column = dot < 0 ? text : text[(dot + 1)..];
        if (!Identifiers.IsIdentifier(column) || (join is not null && !Identifiers.IsIdentifier(join)))
        {
            node.Error($"'{text}' is not a column: write a fact column (net_amount) or join.column (customer.customer_id)");
            return null;
        }

        if (join is not null && !joins.ContainsKey(join))
        {
            node.Error($"'{join}' is not a join of this subject"
                + (joins.Count == 0 ? "" : $" (joins: {string.Join(", ", joins.Keys)})"));
            return null;
        }

        return new ColumnRef(join, column);
    }

    /// <summary>The <c>at</c> of a percentile: a number strictly between 0 and 1 (0.95 for a p95).</summary>
    private static decimal? Fraction(ModelMap map)
    {
        var text = map.Required("at")?.Text();
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction)
            && fraction is > 0 and < 1)
        {
            return fraction;
        }

        map.Optional("at")!.Error($"'{text}' is not a fraction: write a number between 0 and 1 exclusive (0.95 for a p95)");
        return null;
    }

    /// <summary>Whether <c>count: true</c> (count rows) is written as such.</summary>
    private static bool CountsRows(ModelNode node)
    {
        if (node.Boolean() == true)
        {
            return true;
        }

        node.Error("write 'count: true' to count rows, or 'count: column' to count the rows where column is not null");
        return false;
    }

    private static DeclaredMetric ReadDerived(string name, ModelMap map, ModelNode? exprNode)
    {
        var invalid = new DeclaredMetric(name, map.Owner, null, exprNode);
        var label = map.RequiredText("label");
        var format = map.Optional("format")?.OneOf(WireNames.Formats) ?? ValueFormat.Number;
        var text = exprNode?.Text();
        if (text is null || label is null)
        {
            return invalid;
        }

        MetricExpression parsed;
        try
        {
            parsed = MetricExpressionParser.Parse(text);
        }
        catch (MetricExpressionException e)
        {
            exprNode!.Error($"invalid expression \"{text}\": {e.Message}");
            return invalid;
        }

        var metric = new DerivedMetric(name, label, format, map.OptionalText("description"), map.Owner.Source, text, parsed);
        return new DeclaredMetric(name, map.Owner, metric, exprNode);
    }
}
