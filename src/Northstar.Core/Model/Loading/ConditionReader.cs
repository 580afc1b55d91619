using System.Globalization;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// Reads the conditions of a filtered measure or a segment (<c>where: [ { member, op, values } ]</c>): the member is a
/// dimension of the subject, the operator fits the dimension's type, the number of values fits the operator, and each
/// value is converted to the dimension's type (string, long, decimal, bool, DateOnly, DateTime in UTC) to be bound as
/// a parameter.
/// </summary>
internal static class ConditionReader
{
    private static readonly string[] Keys = ["member", "op", "values"];

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const DateTimeStyles TimestampStyle = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    /// <summary>Marks a value that could not be converted (already reported).</summary>
    private static readonly object Invalid = new();

    public static IReadOnlyList<Condition> ReadAll(ModelNode where, IReadOnlyDictionary<string, Dimension> dimensions)
    {
        var items = where.List();
        if (items is null)
        {
            return [];
        }

        if (items.Count == 0)
        {
            where.Error("at least one condition is required");
        }

        var conditions = new List<Condition>();
        foreach (var item in items)
        {
            if (Read(item, dimensions) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private static Condition? Read(ModelNode node, IReadOnlyDictionary<string, Dimension> dimensions)
    {
        var map = node.Map(Keys);
        if (map is null)
        {
            return null;
        }

        var memberNode = map.Required("member");
        var member = memberNode?.Identifier();
        var dimension = member is null ? null : dimensions.GetValueOrDefault(member);
        if (member is not null && dimension is null)
        {
            memberNode!.Error($"'{member}' is not a dimension of this subject"
                + (dimensions.Count == 0 ? "" : $" (dimensions: {string.Join(", ", dimensions.Keys)})"));
        }

        var opNode = map.Required("op");
        var op = opNode?.OneOf(WireNames.FilterOps);
        if (dimension is null || op is not { } filterOp)
        {
            return null;
        }

        if (!Fits(filterOp, dimension.Type))
        {
            opNode!.Error($"'{opNode.Text()}' does not apply to the {dimension.Type.ToString().ToLowerInvariant()} dimension '{member}'");
            return null;
        }

        var valueNodes = map.Optional("values") is { } valuesNode ? valuesNode.List() : [];
        if (valueNodes is null)
        {
            return null;
        }

        var (min, max) = ValueCount(filterOp);
        if (valueNodes.Count < min || valueNodes.Count > max)
        {
            (map.Optional("values") ?? map.Owner).Error($"'{opNode!.Text()}' takes {Describe(min, max)}, not {valueNodes.Count}");
            return null;
        }

        var values = valueNodes.Select(v => Convert(v, dimension.Type)).ToList();
        return values.Contains(Invalid) ? null : new Condition(dimension.Name, filterOp, values);
    }

    private static bool Fits(FilterOp op, DataType type) => op switch
    {
        FilterOp.Contains or FilterOp.StartsWith => type == DataType.String,
        FilterOp.Gt or FilterOp.Gte or FilterOp.Lt or FilterOp.Lte or FilterOp.Between => type != DataType.Boolean,
        _ => true,
    };

    private static (int Min, int Max) ValueCount(FilterOp op) => op switch
    {
        FilterOp.In or FilterOp.NotIn => (1, int.MaxValue),
        FilterOp.Between => (2, 2),
        FilterOp.IsNull or FilterOp.IsNotNull => (0, 0),
        _ => (1, 1),
    };

    private static string Describe(int min, int max) => (min, max) switch
    {
        (0, 0) => "no values",
        (1, 1) => "exactly one value",
        (2, 2) => "exactly two values",
        _ => "at least one value",
    };

    private static object Convert(ModelNode node, DataType type)
    {
        var text = node.Text();
        if (text is null)
        {
            return Invalid;
        }

        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            DataType.String => text,
            DataType.Integer when node.IsPlainScalar && long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l) => l,
            DataType.Number when node.IsPlainScalar && decimal.TryParse(text, DecimalStyle, invariant, out var d) => d,
            DataType.Boolean => node.Boolean(),
            DataType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) => date,
            DataType.Timestamp when DateTime.TryParse(text, invariant, TimestampStyle, out var timestamp) => timestamp,
            _ => null,
        };
        if (value is null)
        {
            if (type != DataType.Boolean)
            {
                node.Error($"'{text}' is not a valid {Expected(type)}");
            }

            return Invalid;
        }

        return value;
    }

    private static string Expected(DataType type) => type switch
    {
        DataType.Integer => "integer",
        DataType.Number => "number",
        DataType.Date => "date (yyyy-MM-dd)",
        _ => "timestamp (ISO 8601, UTC unless an offset is given)",
    };
}
