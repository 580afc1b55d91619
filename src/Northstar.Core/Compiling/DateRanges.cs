using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>The range presets and comparison ranges, on local dates relative to the company's today.</summary>
public static class DateRanges
{
    /// <summary>The preset names, as the spec spells them.</summary>
    public static IReadOnlyList<string> Presets { get; } =
    [
        "today", "yesterday", "last_7_days", "last_30_days", "last_90_days", "week_to_date", "month_to_date",
        "quarter_to_date", "year_to_date", "last_year", "all_time",
    ];

    /// <summary>The comparison kinds, as the spec spells them.</summary>
    public static IReadOnlyList<string> CompareKinds { get; } = ["previous_period", "previous_year"];

    /// <summary>Resolves a preset against <paramref name="today"/>; null for <c>all_time</c>.</summary>
    /// <exception cref="ArgumentException">Not a preset name.</exception>
    public static DateRange? Resolve(string preset, DateOnly today) => preset switch
    {
        "today" => new DateRange(today, today),
        "yesterday" => new DateRange(today.AddDays(-1), today.AddDays(-1)),
        "last_7_days" => LastDays(7, today),
        "last_30_days" => LastDays(30, today),
        "last_90_days" => LastDays(90, today),
        "week_to_date" => new DateRange(today.AddDays(-DaysSinceMonday(today)), today),
        "month_to_date" => new DateRange(new DateOnly(today.Year, today.Month, 1), today),
        "quarter_to_date" => new DateRange(new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
        "year_to_date" => new DateRange(new DateOnly(today.Year, 1, 1), today),
        "last_year" => new DateRange(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
        "all_time" => null,
        _ => throw new ArgumentException($"'{preset}' is not a range preset.", nameof(preset)),
    };

    // Weeks start on Monday, as ISO weeks and the dim_date table's week_start do.
    private static int DaysSinceMonday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    /// <summary>The last <paramref name="days"/> days, today included.</summary>
    public static DateRange LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);

    /// <summary>
    /// The comparison range: <c>previous_period</c> is the same number of days immediately before; <c>previous_year</c>
    /// the same dates one year earlier (Feb 29 becomes Feb 28).
    /// </summary>
    /// <exception cref="ArgumentException">Not a comparison kind.</exception>
    public static DateRange Compare(string kind, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return kind switch
        {
            "previous_period" => new DateRange(range.From.AddDays(-range.Days), range.From.AddDays(-1)),
            "previous_year" => new DateRange(range.From.AddYears(-1), range.To.AddYears(-1)),
            _ => throw new ArgumentException($"'{kind}' is not a comparison.", nameof(kind)),
        };
    }
}
