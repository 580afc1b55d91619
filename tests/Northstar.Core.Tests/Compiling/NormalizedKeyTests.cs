namespace Northstar.Core.Tests.Compiling;

public sealed class NormalizedKeyTests
{
    [Fact]
    public void Equivalent_specs_share_a_key()
    {
        var a = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "preset": "last_7_days" } },
              "filters": [ { "member": "location", "op": "in", "values": ["b", "a", "a"] },
                           { "member": "line_amount", "op": "gt", "values": [10.50] } ],
              "segments": ["big_lines"] }
            """);
        var b = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "from": "2025-03-09", "to": "2025-03-15" } },
              "filters": [ { "member": "line_amount", "op": "gt", "values": [10.5] },
                           { "member": "location", "op": "in", "values": ["a", "b"] } ],
              "segments": ["big_lines", "big_lines"], "limit": 5000 }
            """);

        Assert.Equal(a.NormalizedKey, b.NormalizedKey);
    }

    [Theory]
    [InlineData("""{ "metrics": ["orders"] }""")]
    [InlineData("""{ "metrics": ["revenue", "orders"] }""")]
    [InlineData("""{ "metrics": ["orders", "revenue"] }""")]
    [InlineData("""{ "metrics": ["revenue"], "dimensions": ["location"] }""")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "grain": "day" } }""")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "yesterday" } } }""")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "equals", "values": ["a"] } ] }""")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "location", "op": "not_equals", "values": ["a"] } ] }""")]
    [InlineData("""{ "metrics": ["revenue"], "filters": [ { "member": "revenue", "op": "gt", "values": [1] } ] }""")]
    [InlineData("""{ "metrics": ["revenue"], "segments": ["big_lines"] }""")]
    [InlineData("""{ "metrics": ["revenue"], "time": { "range": { "preset": "today" } }, "compare": "previous_year" }""")]
    [InlineData("""{ "metrics": ["revenue"], "order": [ { "member": "revenue" } ] }""")]
    [InlineData("""{ "metrics": ["revenue"], "limit": 10 }""")]
    public void Different_questions_have_different_keys(string spec)
    {
        var plain = Specs.Compile("""{ "metrics": ["revenue"] }""").NormalizedKey;

        Assert.NotEqual(plain, Specs.Compile(spec).NormalizedKey);
    }

    [Fact]
    public void A_preset_key_moves_with_today()
    {
        const string Spec = """{ "metrics": ["revenue"], "time": { "range": { "preset": "today" } } }""";

        Assert.NotEqual(Specs.Compile(Spec, today: new(2025, 1, 1)).NormalizedKey, Specs.Compile(Spec, today: new(2025, 1, 2)).NormalizedKey);
    }

    [Fact]
    public void The_engine_is_part_of_the_key()
    {
        const string Spec = """{ "metrics": ["revenue"] }""";

        Assert.NotEqual(Specs.Compile(Spec, dialect: SqlDialect.DuckDb).NormalizedKey,
                        Specs.Compile(Spec, dialect: SqlDialect.PostgreSql).NormalizedKey);
    }
}
