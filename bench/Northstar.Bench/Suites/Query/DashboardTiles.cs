using System.Globalization;
using Northstar.Core.Queries;

namespace Northstar.Bench.Suites.Query;

/// <summary>One tile of the executive dashboard: a name for the report and the question it asks.</summary>
internal sealed record DashboardTile(string Name, QuerySpec Spec);

/// <summary>The eight tiles of the executive dashboard, with the metric and dimension names of model/*.yaml.</summary>
internal static class DashboardTiles
{
    /// <summary>The tiles as asked on <paramref name="today"/> (the presets are relative to the compile context's today;
    /// "the last 365 days" has no preset, so it is a from..to range ending on <paramref name="today"/>).</summary>
    public static IReadOnlyList<DashboardTile> For(DateOnly today) =>
    [
        new("KPIs, last 30 days vs previous period", new QuerySpec
        {
            Metrics = ["revenue", "orders", "aov", "customers"],
            Time = Range("last_30_days"),
            Compare = "previous_period",
        }),
        new("revenue + orders by day, last 90 days", new QuerySpec
        {
            Metrics = ["revenue", "orders"],
            Time = Range("last_90_days", "day"),
        }),
        new("revenue by branch, YTD vs previous year", new QuerySpec
        {
            Metrics = ["revenue"],
            Dimensions = ["location"],
            Time = Range("year_to_date"),
            Compare = "previous_year",
        }),
        new("revenue + units by category, last 30 days, top 10", new QuerySpec
        {
            Metrics = ["revenue", "units"],
            Dimensions = ["category"],
            Time = Range("last_30_days"),
            Order = [new OrderSpec { Member = "revenue", Desc = true }],
            Limit = 10,
        }),
        new("pipeline, last 30 days", new QuerySpec
        {
            Metrics = ["leads", "appointments_set", "appointments_sat", "close_rate"],
            Time = Range("last_30_days"),
        }),
        new("sold revenue by employee, last 90 days, top 10", new QuerySpec
        {
            Metrics = ["sold_revenue"],
            Dimensions = ["employee"],
            Time = Range("last_90_days"),
            Order = [new OrderSpec { Member = "sold_revenue", Desc = true }],
            Limit = 10,
        }),
        new("leads + cost per lead by channel, last 90 days", new QuerySpec
        {
            Metrics = ["leads", "cost_per_lead"],
            Dimensions = ["channel"],
            Time = Range("last_90_days"),
        }),
        new("revenue by branch by month, last 365 days", new QuerySpec
        {
            Metrics = ["revenue"],
            Dimensions = ["location"],
            Time = new TimeSpec
            {
                Grain = "month",
                Range = new RangeSpec { From = Date(today.AddDays(-364)), To = Date(today) },
            },
        }),
    ];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeSpec Range(string preset, string? grain = null) =>
        new() { Grain = grain, Range = new RangeSpec { Preset = preset } };
}
