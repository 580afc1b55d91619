using System.Collections.Frozen;

namespace Northstar.Ingest.Square;

/// <summary>Square sends money in the currency's smallest unit; this converts it to major units (ISO 4217 exponents).</summary>
internal static class SquareCurrency
{
    private static readonly FrozenDictionary<string, int> NonDecimalExponents = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        // No minor unit.
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0,
        // Thousandths.
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The number of decimal places of <paramref name="currency"/>; 2 for every currency not listed as otherwise.</summary>
    public static int Exponent(string currency) => NonDecimalExponents.GetValueOrDefault(currency, 2);

    /// <summary>Converts an amount in minor units to major units: 1250 USD is 12.50, 1250 JPY is 1250.</summary>
    public static decimal ToMajor(long amount, string currency) => Exponent(currency) switch
    {
        0 => amount,
        3 => amount / 1000m,
        _ => amount / 100m,
    };
}
