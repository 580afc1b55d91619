using Northstar.Core.Model;

namespace Northstar.Core.Compiling;

/// <summary>The names of filter operators and grains as the query spec spells them.</summary>
public static class SpecNames
{
    private static readonly Dictionary<string, FilterOp> Ops = new(StringComparer.Ordinal)
    {
        ["equals"] = FilterOp.EqualTo,
        ["not_equals"] = FilterOp.NotEqualTo,
        ["in"] = FilterOp.In,
        ["not_in"] = FilterOp.NotIn,
        ["contains"] = FilterOp.Contains,
        ["starts_with"] = FilterOp.StartsWith,
        ["gt"] = FilterOp.Gt,
        ["gte"] = FilterOp.Gte,
        ["lt"] = FilterOp.Lt,
        ["lte"] = FilterOp.Lte,
        ["between"] = FilterOp.Between,
        ["is_null"] = FilterOp.IsNull,
        ["is_not_null"] = FilterOp.IsNotNull,
    };

    private static readonly Dictionary<string, Grain> Grains = new(StringComparer.Ordinal)
    {
        ["hour"] = Grain.Hour,
        ["day"] = Grain.Day,
        ["week"] = Grain.Week,
        ["month"] = Grain.Month,
        ["quarter"] = Grain.Quarter,
        ["year"] = Grain.Year,
    };

    /// <summary>Every operator's wire name.</summary>
    public static IEnumerable<string> OpNames => Ops.Keys;

    /// <summary>Every grain's wire name.</summary>
    public static IEnumerable<string> GrainNames => Grains.Keys;

    /// <summary>The operator of a wire name (exact, lower case).</summary>
    public static bool TryParseOp(string? name, out FilterOp op) => Ops.TryGetValue(name ?? string.Empty, out op);

    /// <summary>The grain of a wire name (exact, lower case).</summary>
    public static bool TryParseGrain(string? name, out Grain grain) => Grains.TryGetValue(name ?? string.Empty, out grain);

    /// <summary>The wire name of an operator.</summary>
    public static string Of(FilterOp op) => Ops.First(pair => pair.Value == op).Key;

    /// <summary>The wire name of a grain.</summary>
    public static string Of(Grain grain) => Grains.First(pair => pair.Value == grain).Key;
}
