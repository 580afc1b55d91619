using Northstar.Core.Compiling;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

public sealed class AnswerAssemblerTests
{
    [Fact]
    public void Values_are_converted_to_stable_types()
    {
        var query = Specs.Compile("""{ "metrics": ["revenue", "orders", "aov"], "dimensions": ["location"], "time": { "grain": "month" } }""");

        var answer = AnswerAssembler.Assemble(query,
            [[new DateTime(2025, 1, 1), "North", 12.5m, 3L, 4.1666666666666667d]],
            [(Int128)100, (int)4, 25.0d], null, null);

        // A double becomes the decimal of its 15 reliable significant digits.
        Assert.Equal([new DateOnly(2025, 1, 1), "North", 12.5m, 3L, 4.16666666666667m], answer.Rows[0]);
        Assert.Equal(100m, answer.Totals["revenue"]);
        Assert.Equal(4L, answer.Totals["orders"]);
        Assert.Equal(25m, answer.Totals["aov"]);
        Assert.Null(answer.Comparison);
    }

    [Fact]
    public void Hour_buckets_are_timestamps_and_nulls_stay_null()
    {
        var query = Specs.Compile("""{ "metrics": ["revenue"], "time": { "grain": "hour" } }""");

        var answer = AnswerAssembler.Assemble(query, [[new DateTime(2025, 1, 1, 23, 0, 0), DBNull.Value]], [null], null, null);

        Assert.Equal([new DateTime(2025, 1, 1, 23, 0, 0), null], answer.Rows[0]);
        Assert.Null(answer.Totals["revenue"]);
    }

    [Fact]
    public void Previous_period_rows_match_on_dimensions_and_the_bucket_shifted_by_the_range_length()
    {
        // Range 2025-01-08..2025-01-14 (7 days), by day and branch: the previous period is 2025-01-01..07.
        var query = Specs.Compile("""
            { "metrics": ["revenue", "orders"], "dimensions": ["location"],
              "time": { "grain": "day", "range": { "from": "2025-01-08", "to": "2025-01-14" } }, "compare": "previous_period" }
            """);

        var answer = AnswerAssembler.Assemble(query,
            [
                [D(2025, 1, 8), "North", 150m, 3L],
                [D(2025, 1, 8), "South", 80m, 2L],
                [D(2025, 1, 9), "North", 50m, 1L],
                [D(2025, 1, 10), "North", 20m, 1L],
            ],
            [300m, 7L],
            [
                [D(2025, 1, 1), "North", 100m, 4L],
                [D(2025, 1, 1), "East", 999m, 9L],
                [D(2025, 1, 2), "North", 0m, 0L],
                [D(2025, 1, 3), "North", null, 1L],
            ],
            [400m, 5L]);

        var rows = answer.Comparison!.Rows;
        Assert.Equal(new MetricComparison(100m, 50m, 0.5m), rows[0]["revenue"]);
        Assert.Equal(new MetricComparison(4L, -1m, -0.25m), rows[0]["orders"]);
        Assert.Equal(new MetricComparison(null, null, null), rows[1]["revenue"]);
        Assert.Equal(new MetricComparison(0m, 50m, null), rows[2]["revenue"]);
        Assert.Equal(new MetricComparison(null, null, null), rows[3]["revenue"]);
        Assert.Equal(new MetricComparison(1L, 0m, 0m), rows[3]["orders"]);
        Assert.Equal(new MetricComparison(400m, -100m, -0.25m), answer.Comparison.Totals["revenue"]);
        Assert.Equal(new MetricComparison(5L, 2m, 0.4m), answer.Comparison.Totals["orders"]);
    }

    [Theory]
    [InlineData("previous_year", "month", "2024-02-01", "2024-02-29", "2024-02-01", "2023-02-01")]
    [InlineData("previous_year", "day", "2024-02-01", "2024-02-29", "2024-02-29", "2023-02-28")]
    [InlineData("previous_year", "week", "2025-03-03", "2025-03-09", "2025-03-03", "2024-02-26")]
    [InlineData("previous_year", "quarter", "2025-01-01", "2025-03-31", "2025-01-01", "2024-01-01")]
    [InlineData("previous_period", "month", "2025-03-01", "2025-03-31", "2025-03-01", "2025-01-01")]
    [InlineData("previous_period", "week", "2025-03-03", "2025-03-16", "2025-03-10", "2025-02-24")]
    [InlineData("previous_period", "year", "2025-01-01", "2025-12-31", "2025-01-01", "2024-01-01")]
    public void A_bucket_matches_the_bucket_of_its_start_shifted_back(
        string kind, string grain, string from, string to, string bucket, string counterpart)
    {
        var query = Specs.Compile($$"""
            { "metrics": ["revenue"], "time": { "grain": "{{grain}}", "range": { "from": "{{from}}", "to": "{{to}}" } }, "compare": "{{kind}}" }
            """);

        var answer = AnswerAssembler.Assemble(query, [[Date(bucket), 10m]], [10m],
                                              [[Date(counterpart), 8m], [Date(counterpart).AddDays(1), 999m]], [8m]);

        Assert.Equal(new MetricComparison(8m, 2m, 0.25m), answer.Comparison!.Rows[0]["revenue"]);
    }

    [Fact]
    public void Hour_buckets_shift_by_whole_days_and_keep_the_hour()
    {
        var query = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "grain": "hour", "range": { "from": "2025-01-02", "to": "2025-01-03" } }, "compare": "previous_period" }
            """);

        var answer = AnswerAssembler.Assemble(query, [[new DateTime(2025, 1, 3, 23, 0, 0), 10m]], [10m],
                                              [[new DateTime(2025, 1, 1, 23, 0, 0), 5m], [new DateTime(2025, 1, 1, 22, 0, 0), 7m]], [12m]);

        Assert.Equal(new MetricComparison(5m, 5m, 1m), answer.Comparison!.Rows[0]["revenue"]);
    }

    [Fact]
    public void A_negative_previous_value_gives_a_percent_relative_to_its_size()
    {
        var query = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "from": "2025-01-02", "to": "2025-01-03" } }, "compare": "previous_period" }
            """);

        var answer = AnswerAssembler.Assemble(query, [[-50m]], [-50m], [[-100m]], [-100m]);

        Assert.Equal(new MetricComparison(-100m, 50m, 0.5m), answer.Comparison!.Totals["revenue"]);
        Assert.Equal(new MetricComparison(-100m, 50m, 0.5m), answer.Comparison.Rows[0]["revenue"]);
    }

    [Fact]
    public void Rows_of_the_wrong_width_are_refused()
    {
        var query = Specs.Compile("""{ "metrics": ["revenue"], "dimensions": ["location"] }""");

        Assert.Throws<ArgumentException>(() => AnswerAssembler.Assemble(query, [[1m]], [1m], null, null));
        Assert.Throws<ArgumentException>(() => AnswerAssembler.Assemble(query, [["North", 1m]], [1m, 2m], null, null));
    }

    [Fact]
    public void A_comparison_query_needs_its_comparison_rows()
    {
        var query = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "preset": "today" } }, "compare": "previous_year" }
            """);

        Assert.Throws<ArgumentException>(() => AnswerAssembler.Assemble(query, [[1m]], [1m], null, null));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
