namespace Northstar.Core.Model.Loading;

/// <summary>
/// Reads one subject: its table, data subject, scope columns, joins, time dimensions, dimensions, measures (and the
/// derived metrics declared with them) and segments, checking everything that can be checked within the subject.
/// </summary>
internal static class SubjectReader
{
    private static readonly string[] SubjectKeys =
        ["label", "table", "data_subject", "scope", "joins", "time", "dimensions", "measures", "segments"];

    // Not "on": YAML 1.1 tools (PyYAML, many editors) read an unquoted `on` as the boolean true.
    private static readonly string[] JoinKeys = ["table", "key", "target"];
    private static readonly string[] TimeKeys = ["label", "date", "hour", "default"];
    private static readonly string[] DimensionKeys = ["label", "join", "column", "type", "format"];
    private static readonly string[] ScopeKeys = ["branch", "employee"];
    private static readonly string[] SegmentKeys = ["label", "where"];

    public static (Subject? Subject, IReadOnlyList<DeclaredMetric> Metrics) Read(string name, ModelNode node)
    {
        var map = node.Map(SubjectKeys);
        if (map is null)
        {
            return (null, []);
        }

        var label = map.RequiredText("label");
        var table = ReadTable(map.Required("table"));
        var dataSubject = ReadDataSubject(map.Required("data_subject"));
        var scope = ReadScope(map.Optional("scope"));
        var joins = ReadAll(map.Optional("joins"), ReadJoin);
        var dimensions = ReadAll(map.Optional("dimensions"), (n, d) => ReadDimension(n, d, joins));
        var (times, defaultTime) = ReadTimes(map, dimensions);
        var metrics = (map.Optional("measures")?.Declarations() ?? [])
            .Select(d => MetricReader.ReadSubjectMetric(d.Name, d.Node, name, joins, dimensions))
            .ToList();
        var segments = ReadAll(map.Optional("segments"), (n, d) => ReadSegment(n, d, dimensions));

        if (label is null || table is null || dataSubject is null || scope is null || defaultTime is null)
        {
            return (null, metrics);
        }

        var subject = new Subject(
            name, label, table, dataSubject, joins, times, defaultTime, dimensions, segments, scope, node.Source);
        return (subject, metrics);
    }

    private static Dictionary<string, T> ReadAll<T>(ModelNode? node, Func<string, ModelNode, T?> read)
        where T : class
    {
        var items = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, child) in node?.Declarations() ?? [])
        {
            if (read(name, child) is { } item)
            {
                items[name] = item;
            }
        }

        return items;
    }

    private static string? ReadTable(ModelNode? node)
    {
        var text = node?.Text();
        if (text is null || Identifiers.IsTableName(text))
        {
            return text;
        }

        node!.Error($"'{text}' is not a table name: write schema.table in snake_case (gold.fact_sales)");
        return null;
    }

    private static string? ReadDataSubject(ModelNode? node)
    {
        var text = node?.Text();
        if (text is null || WireNames.DataSubjects.Contains(text))
        {
            return text;
        }

        node!.Error($"'{text}' is not a data subject; expected one of: {string.Join(", ", WireNames.DataSubjects)}");
        return null;
    }

    private static ScopeColumns? ReadScope(ModelNode? node)
    {
        if (node is null)
        {
            return new ScopeColumns(null, null);
        }

        var map = node.Map(ScopeKeys);
        if (map is null)
        {
            return null;
        }

        var branch = map.OptionalIdentifier("branch");
        var employee = map.OptionalIdentifier("employee");
        var valid = (branch is not null || !map.Has("branch")) && (employee is not null || !map.Has("employee"));
        return valid ? new ScopeColumns(branch, employee) : null;
    }

    private static Join? ReadJoin(string name, ModelNode node)
    {
        var map = node.Map(JoinKeys);
        if (map is null)
        {
            return null;
        }

        var table = ReadTable(map.Required("table"));
        var key = map.RequiredIdentifier("key");
        var target = map.Has("target") ? map.OptionalIdentifier("target") : key;
        return table is null || key is null || target is null ? null : new Join(name, table, key, target);
    }

    private static Dimension? ReadDimension(string name, ModelNode node, IReadOnlyDictionary<string, Join> joins)
    {
        var map = node.Map(DimensionKeys);
        if (map is null)
        {
            return null;
        }

        var label = map.RequiredText("label");
        var column = map.RequiredIdentifier("column");
        var joinNode = map.Optional("join");
        var join = joinNode?.Identifier();
        if (join is not null && !joins.ContainsKey(join))
        {
            joinNode!.Error($"'{join}' is not a join of this subject"
                + (joins.Count == 0 ? "" : $" (joins: {string.Join(", ", joins.Keys)})"));
            return null;
        }

        var type = map.Optional("type") is { } typeNode ? typeNode.OneOf(WireNames.DataTypes) : DataType.String;
        var format = map.Optional("format") is { } formatNode
            ? formatNode.OneOf(WireNames.Formats)
            : type == DataType.Date ? ValueFormat.Date : ValueFormat.None;
        if (label is null || column is null || (joinNode is not null && join is null) || type is null || format is null)
        {
            return null;
        }

        return new Dimension(name, label, join, column, type.Value, format.Value);
    }

    private static (Dictionary<string, TimeDimension> Times, string? Default) ReadTimes(
        ModelMap subject, IReadOnlyDictionary<string, Dimension> dimensions)
    {
        var times = new Dictionary<string, TimeDimension>(StringComparer.Ordinal);
        var defaults = new List<string>();
        var timeNode = subject.Required("time");
        var declared = timeNode?.Declarations() ?? [];
        foreach (var (name, node) in declared)
        {
            var map = node.Map(TimeKeys);
            if (map is null)
            {
                continue;
            }

            if (dimensions.ContainsKey(name))
            {
                node.Error($"'{name}' is already a dimension of this subject; a time dimension needs a name of its own");
            }

            var label = map.RequiredText("label");
            var date = map.RequiredIdentifier("date");
            var hour = map.OptionalIdentifier("hour");
            if (map.Optional("default")?.Boolean() == true)
            {
                defaults.Add(name);
            }

            if (label is not null && date is not null && (hour is not null || !map.Has("hour")))
            {
                times[name] = new TimeDimension(name, label, date, hour);
            }
        }

        if (timeNode is null)
        {
            return (times, null);
        }

        if (declared.Count == 0)
        {
            timeNode.Error("at least one time dimension is required");
            return (times, null);
        }

        switch (defaults.Count)
        {
            case 0 when declared.Count == 1:
                return (times, declared[0].Name);
            case 0:
                timeNode.Error("several time dimensions: mark the default one with 'default: true'");
                return (times, null);
            case 1:
                return (times, defaults[0]);
            default:
                timeNode.Error($"only one time dimension can be the default, not {string.Join(" and ", defaults)}");
                return (times, null);
        }
    }

    private static Segment? ReadSegment(string name, ModelNode node, IReadOnlyDictionary<string, Dimension> dimensions)
    {
        var map = node.Map(SegmentKeys);
        if (map is null)
        {
            return null;
        }

        var label = map.RequiredText("label");
        var where = map.Required("where");
        var conditions = where is null ? [] : ConditionReader.ReadAll(where, dimensions);
        return label is null || conditions.Count == 0 ? null : new Segment(name, label, conditions);
    }
}
