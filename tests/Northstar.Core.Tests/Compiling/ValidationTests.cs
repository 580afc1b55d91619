using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("""{ "metrics": [] }""", "metrics")]
    [InlineData("""{ "metrics": ["revenue", "nope"] }""", "metrics[1]")]
    [InlineData("""{ "metrics": ["revenue", "revenue"] }""", "metrics[1]")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["nope"] }""", "dimensions[0]")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["location", "location"] }""", "dimensions[1]")]
    [InlineData("""{ "metrics": ["revenue"], "segments": ["nope"] }""", "segments[0]")]
    [InlineData("""{ "metrics": ["revenue", "spend"], "segments": ["big_lines"] }""", "segments[0]")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "dimension": "nope" } }""", "time.dimension")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "grain": "fortnight" } }""", "time.grain")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "last_8_days" } } }""", "time.range.preset")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "today", "from": "2025-01-01" } } }""", "time.range")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "2025-02-30", "to": "2025-03-01" } } }""", "time.range.from")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "2025-01-01" } } }""", "time.range.to")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "01/02/2025", "to": "2025-03-01" } } }""", "time.range.from")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "2025-03-02", "to": "2025-03-01" } } }""", "time.range.from")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "0001-01-01", "to": "2025-03-01" } } }""", "time.range.from")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "nope", "op": "equals", "values": [1] } ] }""", "filters[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "op": "equals", "values": [1] } ] }""", "filters[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "like", "values": ["x"] } ] }""", "filters[0].op")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "EQUALS", "values": ["x"] } ] }""", "filters[0].op")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_number", "op": "contains", "values": ["1"] } ] }""", "filters[0].op")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "revenue", "op": "starts_with", "values": ["1"] } ] }""", "filters[0].op")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "equals", "values": [] } ] }""", "filters[0].values")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "equals", "values": ["a", "b"] } ] }""", "filters[0].values")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "between", "values": ["a"] } ] }""", "filters[0].values")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "is_null", "values": ["a"] } ] }""", "filters[0].values")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "in", "values": [] } ] }""", "filters[0].values")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "equals", "values": [42] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "equals", "values": [null] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_number", "op": "equals", "values": ["7"] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_number", "op": "equals", "values": [1.5] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_amount", "op": "gt", "values": [true] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "order_day", "op": "gte", "values": ["2025-13-01"] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "order_day", "op": "gte", "values": [20250101] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "revenue", "op": "in", "values": [1, "x"] } ] }""", "filters[0].values[1]")]
    [InlineData("""{ "metrics": ["revenue"], "compare": "last_week" }""", "compare")]
    [InlineData("""{ "metrics": ["revenue"], "compare": "previous_period" }""", "compare")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "all_time" } }, "compare": "previous_year" }""", "compare")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "orders" } ] }""", "order[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "revenue" }, { "member": "location" } ] }""", "order[1].member")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "order_date" } ] }""", "order[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "limit": 0 }""", "limit")]
    [InlineData("""{ "metrics": ["revenue"], "limit": -5 }""", "limit")]
    public void An_invalid_field_is_reported_by_its_path(string spec, string field)
    {
        var errors = Specs.Errors(spec);

        Assert.Contains(errors, error => error.Field == field);
        Assert.All(errors, error => Assert.DoesNotContain("select", error.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_error_of_a_spec_is_reported_at_once()
    {
        var errors = Specs.Errors("""
            { "metrics": ["revenue"], "dimensions": ["nope"], "time": { "grain": "fortnight" },
              "filters": [ { "member": "location", "op": "like", "values": ["x"] } ], "limit": 0 }
            """);

        Assert.Equal(["dimensions[0]", "time.grain", "filters[0].op", "limit"], errors.Select(error => error.Field));
    }

    [Fact]
    public void A_dimension_missing_from_one_subject_of_the_metrics_is_refused_naming_the_metric()
    {
        var error = Assert.Single(Specs.Errors("""{ "metrics": ["revenue", "spend"], "dimensions": ["category"] }"""));

        Assert.Equal("dimensions[0]", error.Field);
        Assert.Contains("Marketing spend", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_on_a_dimension_missing_from_the_subject_of_a_derived_metric_is_refused()
    {
        var error = Assert.Single(Specs.Errors("""
            { "metrics": ["cost_per_lead"], "filters": [ { "member": "category", "op": "equals", "values": ["Paint"] } ] }
            """));

        Assert.Equal("filters[0].member", error.Field);
    }

    [Fact]
    public void The_hour_grain_needs_an_hour_column_in_every_subject()
    {
        Assert.Equal(Grain.Hour, Specs.Compile("""{ "metrics": ["revenue"], "time": { "grain": "hour" } }""").TimeGrain);

        var error = Assert.Single(Specs.Errors("""{ "metrics": ["revenue", "spend"], "time": { "grain": "hour" } }"""));
        Assert.Equal("time.grain", error.Field);
    }

    [Fact]
    public void A_time_dimension_of_another_subject_is_refused()
    {
        var error = Assert.Single(Specs.Errors("""{ "metrics": ["revenue"], "time": { "dimension": "spend_date" } }"""));

        Assert.Equal("time.dimension", error.Field);
        Assert.Contains("Revenue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_limit_and_a_limit_over_the_maximum_become_the_maximum()
    {
        Assert.Equal(1000L, Specs.Compile("""{ "metrics": ["revenue"] }""").Rows.Parameters[^1]);
        Assert.Equal(1000L, Specs.Compile("""{ "metrics": ["revenue"], "limit": 2147483647 }""").Rows.Parameters[^1]);
        Assert.Equal(7L, Specs.Compile("""{ "metrics": ["revenue"], "limit": 7 }""").Rows.Parameters[^1]);
    }

    [Fact]
    public void Columns_are_the_time_bucket_the_dimensions_and_the_metrics_in_order()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["aov", "orders"], "dimensions": ["channel", "location"], "time": { "grain": "week" } }
            """);

        Assert.Equal(["order_date", "channel", "location", "aov", "orders"], compiled.Columns.Select(column => column.Name));
        Assert.Equal([ColumnRole.Time, ColumnRole.Dimension, ColumnRole.Dimension, ColumnRole.Metric, ColumnRole.Metric],
                     compiled.Columns.Select(column => column.Role));
        Assert.Equal(DataType.Integer, compiled.Columns[4].Type);
        Assert.Equal(DataType.Number, compiled.Columns[3].Type);
    }

    [Fact]
    public void Subjects_are_the_data_subjects_read()
    {
        Assert.Equal(["marketing", "pipeline"], Specs.Compile("""{ "metrics": ["cost_per_lead"] }""").Subjects);
        Assert.Equal(["sales"], Specs.Compile("""{ "metrics": ["revenue", "aov"] }""").Subjects);
        Assert.Equal(["pipeline", "sales"], Specs.Compile("""
            { "metrics": ["revenue"], "filters": [ { "member": "leads", "op": "gt", "values": [1] } ] }
            """).Subjects);
    }
}
