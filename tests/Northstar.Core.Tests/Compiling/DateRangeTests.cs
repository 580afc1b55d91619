using Northstar.Core.Compiling;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("today", "2025-03-15", "2025-03-15", "2025-03-15")]
    [InlineData("yesterday", "2025-03-01", "2025-02-28", "2025-02-28")]
    [InlineData("yesterday", "2024-03-01", "2024-02-29", "2024-02-29")]
    [InlineData("yesterday", "2025-01-01", "2024-12-31", "2024-12-31")]
    [InlineData("last_7_days", "2025-03-15", "2025-03-09", "2025-03-15")]
    [InlineData("last_7_days", "2025-01-03", "2024-12-28", "2025-01-03")]
    [InlineData("last_30_days", "2024-03-15", "2024-02-15", "2024-03-15")]
    [InlineData("last_30_days", "2025-03-15", "2025-02-14", "2025-03-15")]
    [InlineData("last_90_days", "2025-03-31", "2025-01-01", "2025-03-31")]
    [InlineData("week_to_date", "2025-03-15", "2025-03-10", "2025-03-15")]
    [InlineData("week_to_date", "2025-03-16", "2025-03-10", "2025-03-16")]
    [InlineData("week_to_date", "2025-03-10", "2025-03-10", "2025-03-10")]
    [InlineData("week_to_date", "2025-01-02", "2024-12-30", "2025-01-02")]
    [InlineData("month_to_date", "2025-03-01", "2025-03-01", "2025-03-01")]
    [InlineData("month_to_date", "2024-02-29", "2024-02-01", "2024-02-29")]
    [InlineData("quarter_to_date", "2025-03-31", "2025-01-01", "2025-03-31")]
    [InlineData("quarter_to_date", "2025-04-01", "2025-04-01", "2025-04-01")]
    [InlineData("quarter_to_date", "2025-12-31", "2025-10-01", "2025-12-31")]
    [InlineData("quarter_to_date", "2025-08-17", "2025-07-01", "2025-08-17")]
    [InlineData("year_to_date", "2025-01-01", "2025-01-01", "2025-01-01")]
    [InlineData("year_to_date", "2024-12-31", "2024-01-01", "2024-12-31")]
    [InlineData("last_year", "2025-01-01", "2024-01-01", "2024-12-31")]
    [InlineData("last_year", "2024-12-31", "2023-01-01", "2023-12-31")]
    public void A_preset_resolves_against_today(string preset, string today, string from, string to)
    {
        var compiled = Specs.Compile($$"""{ "metrics": ["revenue"], "time": { "range": { "preset": "{{preset}}" } } }""",
                                     today: DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateRange(Date(from), Date(to)), compiled.Range);
        Assert.Equal([Date(from), Date(to)], compiled.Rows.Parameters.Take(2));
    }

    [Fact]
    public void All_time_and_no_range_have_no_date_condition()
    {
        var allTime = Specs.Compile("""{ "metrics": ["revenue"], "time": { "range": { "preset": "all_time" } } }""");
        var none = Specs.Compile("""{ "metrics": ["revenue"] }""");

        Assert.Null(allTime.Range);
        Assert.Null(none.Range);
        Assert.Equal([1000L], allTime.Rows.Parameters);
        Assert.DoesNotContain("local_date", none.Totals.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("previous_period", "2025-03-01", "2025-03-31", "2025-01-29", "2025-02-28")]
    [InlineData("previous_period", "2025-03-15", "2025-03-15", "2025-03-14", "2025-03-14")]
    // The same number of days, not the previous calendar year: 2024 has 366 days, 2025 has 365.
    [InlineData("previous_period", "2024-01-01", "2024-12-31", "2022-12-31", "2023-12-31")]
    [InlineData("previous_period", "2025-01-01", "2025-12-31", "2024-01-02", "2024-12-31")]
    [InlineData("previous_period", "2024-02-26", "2024-03-03", "2024-02-19", "2024-02-25")]
    [InlineData("previous_year", "2024-02-29", "2024-03-01", "2023-02-28", "2023-03-01")]
    [InlineData("previous_year", "2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28")]
    [InlineData("previous_year", "2025-02-28", "2025-02-28", "2024-02-28", "2024-02-28")]
    [InlineData("previous_year", "2024-12-30", "2025-01-05", "2023-12-30", "2024-01-05")]
    public void The_comparison_range_is_the_period_before_or_the_same_dates_a_year_earlier(
        string kind, string from, string to, string expectedFrom, string expectedTo)
    {
        var compiled = Specs.Compile($$"""
            { "metrics": ["revenue"], "time": { "range": { "from": "{{from}}", "to": "{{to}}" } }, "compare": "{{kind}}" }
            """);

        Assert.Equal(kind, compiled.Comparison!.Kind);
        Assert.Equal(new DateRange(Date(expectedFrom), Date(expectedTo)), compiled.Comparison.Range);
        Assert.Equal([Date(expectedFrom), Date(expectedTo)], compiled.Comparison.Totals.Parameters.Take(2));
        Assert.Equal(DateRanges.Compare(kind, new DateRange(Date(from), Date(to))), compiled.Comparison.Range);
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
