namespace Northstar.Ingest.Demo.Internal;

/// <summary>A yearly promotion: a discount on one category between two calendar dates, and the lift in traffic it brings.</summary>
internal sealed record Promotion(
    string Name, int FromMonth, int FromDay, int ToMonth, int ToDay, string Category, decimal Discount, double Lift)
{
    public static IReadOnlyList<Promotion> All { get; } =
    [
        new("Spring Paint Sale", 4, 1, 4, 21, "Paint", 0.15m, 1.15),
        new("Memorial Day Garden Event", 5, 20, 5, 31, "Garden", 0.20m, 1.25),
        new("Fourth of July Tool Days", 7, 1, 7, 7, "Tools", 0.10m, 1.10),
        new("Labor Day Flooring Sale", 8, 29, 9, 7, "Flooring", 0.15m, 1.15),
        new("Black Friday Week", 11, 24, 12, 1, "Tools", 0.25m, 1.60),
        new("Holiday Hardware Deals", 12, 10, 12, 24, "Hardware", 0.10m, 1.10),
    ];

    public static Promotion? On(DateOnly day)
    {
        var key = (day.Month * 100) + day.Day;
        foreach (var promotion in All)
        {
            if (key >= (promotion.FromMonth * 100) + promotion.FromDay && key <= (promotion.ToMonth * 100) + promotion.ToDay)
            {
                return promotion;
            }
        }

        return null;
    }
}
