namespace Northstar.Ingest.Demo.Internal;

/// <summary>The shapes of showroom demand: weekday, season, growth over the window and the hour of the day.</summary>
internal static class Patterns
{
    // Monday..Sunday; the mean is 1, Saturday is the big day of a home-improvement store.
    private static readonly double[] Weekday = [0.85, 0.85, 0.90, 0.95, 1.05, 1.35, 1.05];

    // Relative orders per local hour, 0..23: weekdays open 7-21 with a lunch and an after-work peak (17:00),
    // weekends open 8-20 with a mid-morning peak (10:00-11:00).
    private static readonly double[] WeekdayHours = [0, 0, 0, 0, 0, 0, 0, 4, 6, 8, 10, 10, 9, 8, 8, 9, 10, 12, 9, 6, 3, 0, 0, 0];
    private static readonly double[] WeekendHours = [0, 0, 0, 0, 0, 0, 0, 0, 6, 10, 13, 13, 11, 10, 9, 8, 7, 5, 4, 2, 0, 0, 0, 0];

    public static double[] WeekdayHourTable { get; } = DemoRandom.Cumulative(WeekdayHours);

    public static double[] WeekendHourTable { get; } = DemoRandom.Cumulative(WeekendHours);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static double WeekdayFactor(DateOnly day) => Weekday[((int)day.DayOfWeek + 6) % 7];

    /// <summary>±25% over the year: high in late June, low in late December.</summary>
    public static double Season(DateOnly day) => 1.0 + (0.25 * Math.Sin(2 * Math.PI * (day.DayOfYear - 80) / 365.25));

    /// <summary>Linear growth across the window from 0.88 to 1.12 (mean 1): about 27% more at the end than at the start.</summary>
    public static double Growth(int dayIndex, int days) => days <= 1 ? 1.0 : 0.88 + (0.24 * dayIndex / (days - 1));

    /// <summary>Category weights move with the season: garden in spring and summer, paint in spring and autumn.</summary>
    public static double CategorySeason(string category, DateOnly day)
    {
        var angle = 2 * Math.PI * (day.DayOfYear - 80) / 365.25;
        return category switch
        {
            "Garden" => Math.Max(0.15, 1.0 + (0.9 * Math.Sin(angle + 0.4))),
            "Paint" => 1.0 + (0.3 * Math.Abs(Math.Sin(angle))),
            "Lumber" => 1.0 + (0.2 * Math.Sin(angle)),
            _ => 1.0,
        };
    }
}
