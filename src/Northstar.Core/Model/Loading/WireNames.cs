namespace Northstar.Core.Model.Loading;

/// <summary>The words model files use for the model's enumerations, in the order error messages list them.</summary>
internal static class WireNames
{
    public static readonly IReadOnlyDictionary<string, FilterOp> FilterOps = Words(
        ("equals", FilterOp.EqualTo),
        ("not_equals", FilterOp.NotEqualTo),
        ("in", FilterOp.In),
        ("not_in", FilterOp.NotIn),
        ("contains", FilterOp.Contains),
        ("starts_with", FilterOp.StartsWith),
        ("gt", FilterOp.Gt),
        ("gte", FilterOp.Gte),
        ("lt", FilterOp.Lt),
        ("lte", FilterOp.Lte),
        ("between", FilterOp.Between),
        ("is_null", FilterOp.IsNull),
        ("is_not_null", FilterOp.IsNotNull));

    public static readonly IReadOnlyDictionary<string, Aggregation> Aggregations = Words(
        ("sum", Aggregation.Sum),
        ("count", Aggregation.Count),
        ("count_distinct", Aggregation.CountDistinct),
        ("avg", Aggregation.Avg),
        ("min", Aggregation.Min),
        ("max", Aggregation.Max),
        ("percentile", Aggregation.Percentile));

    public static readonly IReadOnlyDictionary<string, DataType> DataTypes = Words(
        ("string", DataType.String),
        ("integer", DataType.Integer),
        ("number", DataType.Number),
        ("boolean", DataType.Boolean),
        ("date", DataType.Date),
        ("timestamp", DataType.Timestamp));

    public static readonly IReadOnlyDictionary<string, ValueFormat> Formats = Words(
        ("none", ValueFormat.None),
        ("number", ValueFormat.Number),
        ("integer", ValueFormat.Integer),
        ("currency", ValueFormat.Currency),
        ("percent", ValueFormat.Percent),
        ("date", ValueFormat.Date),
        ("duration", ValueFormat.Duration));

    public static readonly IReadOnlyDictionary<string, Grain> Grains = Words(
        ("hour", Grain.Hour),
        ("day", Grain.Day),
        ("week", Grain.Week),
        ("month", Grain.Month),
        ("quarter", Grain.Quarter),
        ("year", Grain.Year));

    /// <summary>The ingest subjects whose data versions model subjects follow.</summary>
    public static readonly IReadOnlyList<string> DataSubjects =
        ["sales", "pipeline", "production", "service", "telemarketing", "canvass", "marketing", "system"];

    // A dictionary filled once and never changed enumerates in insertion order.
    private static Dictionary<string, T> Words<T>(params (string Word, T Value)[] words) =>
        words.ToDictionary(w => w.Word, w => w.Value, StringComparer.Ordinal);
}
