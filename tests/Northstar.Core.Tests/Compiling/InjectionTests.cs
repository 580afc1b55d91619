using Northstar.Core.Compiling;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

/// <summary>Nothing of a spec but the model's own names ever reaches SQL text: names are refused, values are bound.</summary>
public sealed class InjectionTests
{
    private const string Attack = "x\"; drop table gold.fact_sales; --";

    [Theory]
    [InlineData("""{ "metrics": ["revenue; drop table x"] }""", "metrics[0]")]
    [InlineData("""{ "metrics": ["revenue\"--"] }""", "metrics[0]")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["location\" from gold.dim_employee --"] }""", "dimensions[0]")]
    [InlineData("""{ "metrics": ["revenue"], "segments": ["big_lines' or 1=1"] }""", "segments[0]")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "dimension": "order_date; select 1", "grain": "day" } }""", "time.dimension")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "grain": "day') --" } }""", "time.grain")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "today' or 1=1" } } }""", "time.range.preset")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "from": "2025-01-01'; --", "to": "2025-01-02" } } }""", "time.range.from")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location) or (1=1", "op": "equals", "values": ["x"] } ] }""", "filters[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "= 1 or 1 =", "values": ["x"] } ] }""", "filters[0].op")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "line_number", "op": "equals", "values": ["1 or 1=1"] } ] }""", "filters[0].values[0]")]
    [InlineData("""{ "metrics": ["revenue"], "compare": "previous_period; drop table x" }""", "compare")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "revenue; drop table x" } ] }""", "order[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "1" } ] }""", "order[0].member")]
    [InlineData("""{ "metrics": ["revenue"], "limit": -1 }""", "limit")]
    public void A_name_that_is_not_in_the_model_is_refused(string spec, string field)
    {
        var errors = Specs.Errors(spec);

        Assert.Contains(errors, error => error.Field == field);
    }

    [Theory]
    [InlineData("equals")]
    [InlineData("not_equals")]
    [InlineData("in")]
    [InlineData("not_in")]
    [InlineData("contains")]
    [InlineData("starts_with")]
    [InlineData("gt")]
    [InlineData("lte")]
    public void A_hostile_text_value_is_a_parameter_and_never_part_of_the_SQL(string op)
    {
        var spec = Specs.Parse($$"""
            { "metrics": ["revenue"], "dimensions": ["location"],
              "filters": [ { "member": "location", "op": "{{op}}", "values": [{{System.Text.Json.JsonSerializer.Serialize(Attack)}}] } ] }
            """);

        foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.PostgreSql })
        {
            var compiled = QueryCompiler.Compile(Specs.Model, spec, QueryScope.Unrestricted, new CompileContext(dialect, Specs.Today));

            foreach (var statement in new[] { compiled.Rows, compiled.Totals })
            {
                Assert.DoesNotContain("drop table", statement.Sql, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(statement.Parameters, value => value is string text && text.Contains("drop table", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void No_value_of_a_spec_appears_in_any_statement()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["revenue", "aov", "orders"], "dimensions": ["location"],
              "time": { "grain": "day", "range": { "from": "2023-07-11", "to": "2024-09-13" } },
              "filters": [ { "member": "location", "op": "in", "values": ["Zq'North", "Zq\"South"] },
                           { "member": "line_number", "op": "between", "values": [9137, 9241] },
                           { "member": "line_amount", "op": "gte", "values": [31.415] },
                           { "member": "order_day", "op": "lt", "values": ["2024-08-17"] },
                           { "member": "revenue", "op": "gt", "values": [7777.5] } ],
              "compare": "previous_year", "limit": 913 }
            """, scope: new QueryScope(["branch-8317"], "emp-5521", null));
        string[] values = ["Zq", "9137", "9241", "31.415", "2024-08-17", "7777", "913", "2023", "branch-8317", "emp-5521"];

        var statements = new[] { compiled.Rows, compiled.Totals, compiled.Comparison!.Rows, compiled.Comparison.Totals };
        foreach (var statement in statements)
        {
            foreach (var value in values)
            {
                Assert.DoesNotContain(value, statement.Sql, StringComparison.Ordinal);
            }
        }

        Assert.Contains(9137L, compiled.Rows.Parameters);
        Assert.Contains(31.415m, compiled.Rows.Parameters);
        Assert.Contains(new DateOnly(2024, 8, 17), compiled.Rows.Parameters);
        Assert.Contains(7777.5m, compiled.Rows.Parameters);
        Assert.Contains(913L, compiled.Rows.Parameters);
        Assert.Contains("branch-8317", compiled.Rows.Parameters);
    }

    [Fact]
    public void Like_wildcards_in_a_value_are_escaped_in_the_bound_pattern()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["revenue"], "filters": [ { "member": "location", "op": "contains", "values": ["50%_off\\"] },
                                                     { "member": "channel", "op": "starts_with", "values": ["We"] } ] }
            """);

        Assert.Equal(["%50\\%\\_off\\\\%", "We%", 1000L], compiled.Rows.Parameters);
        Assert.Contains("ilike $1 escape '\\'", compiled.Rows.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parameter_placeholder_has_a_value_and_every_value_a_placeholder()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["cost_per_lead", "spend"], "dimensions": ["channel"],
              "time": { "grain": "month", "range": { "preset": "last_90_days" } },
              "filters": [ { "member": "location", "op": "in", "values": ["a", "b", "c"] } ], "compare": "previous_period" }
            """, scope: new QueryScope(["north"], null, 30));

        foreach (var statement in new[] { compiled.Rows, compiled.Totals, compiled.Comparison!.Rows, compiled.Comparison.Totals })
        {
            var placeholders = System.Text.RegularExpressions.Regex.Matches(statement.Sql, @"\$(\d+)")
                .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct().Order().ToArray();
            Assert.Equal(Enumerable.Range(1, statement.Parameters.Count), placeholders);
        }
    }
}
